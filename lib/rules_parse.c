/* rules_parse.c: the rule-file lexer, parser and compiler to per-phase VM programs.
 *
 * Grammar (docs/rules.md has the full reference):
 *
 *   file     := stmt*
 *   stmt     := 'morphology' STRING ';'
 *             | 'lexicon' IDENT (STRING opts | 'icu' IDENT | '{' entries '}') ';'
 *             | 'define' IDENT '=' alt ';'
 *             | 'phase' NUMBER ';'
 *             | 'rule' IDENT ropt* ':' alt '=>' emit+ ';'
 *             | 'reject' IDENT ['(' IDENT (',' IDENT)* ')'] ':' alt ';'
 *             | 'example' STRING ['=>' IDENT [STRING]] ';'
 *             | 'counter' STRING '=>' IDENT ';'
 *   alt      := seq ('|' seq)*
 *   seq      := item+
 *   item     := [IDENT ':'] atom [quant] ['~']
 *   atom     := '(' alt ')' | STRING | '[' pexpr ']' | '@' IDENT [':' IDENT]
 *             | '<' IDENT '>' | '%' IDENT | '_'
 *   quant    := '?' | '*' | '+' | '{' NUMBER [',' [NUMBER]] '}'
 *   emit     := IDENT ['{' [assign (',' assign)*] '}']
 *   assign   := IDENT '=' expr
 *   expr     := STRING | NUMBER | '$' IDENT | '.' IDENT | IDENT '(' [expr (',' expr)*] ')'
 *
 * Patterns are parsed to an AST, then compiled (Thompson construction) into the
 * phase's program; {m,n} compiles its operand m + (n - m) times.
 */
#include "rules.h"
#include "tokenize.h"

#include <errno.h>
#include <stdio.h>
#include <unicode/uversion.h>
#include <stdlib.h>

/* ---- lexer ---- */

enum tk { T_EOF, T_IDENT, T_STRING, T_NUMBER, T_REGEX, T_PUNCT, T_ARROW, T_ERR };

typedef struct lexer {
    const char *src;
    size_t len, pos;
    size_t line, line_start;
    const char *file;
    /* current token */
    int t;
    size_t tpos, tline, tcol, tlen;
    char punct;
    fbuf sval; /* string/regex/identifier value */
    double num;
    facta_diag *diag;
    int err;
    size_t col_ls, col_pos, col; /* last column computed: line start, position, column */
} lexer;

static size_t col_of(lexer *L, size_t pos, size_t line_start)
{
    /* count from the last token of the same line, not from the line start: a long line
     * would otherwise make lexing quadratic */
    if (!L->col || L->col_ls != line_start || L->col_pos > pos || L->col_pos < line_start) {
        L->col_ls = line_start;
        L->col_pos = line_start;
        L->col = 1;
    }
    L->col += utf8_count(L->src + L->col_pos, pos - L->col_pos);
    L->col_pos = pos;
    return L->col;
}

static int lx_error(lexer *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int lx_error(lexer *L, const char *fmt, ...)
{
    if (L->err)
        return L->err;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_set(L->diag, FACTA_ESYNTAX, L->file, L->tline, L->tcol, L->tpos, "%s", msg);
    L->err = FACTA_ESYNTAX;
    return L->err;
}

static void skip_ws(lexer *L)
{
    while (L->pos < L->len) {
        char c = L->src[L->pos];
        if (c == '\n') {
            L->pos++;
            L->line++;
            L->line_start = L->pos;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            L->pos++;
        } else if (c == '#') {
            while (L->pos < L->len && L->src[L->pos] != '\n')
                L->pos++;
        } else {
            break;
        }
    }
}

static int is_ident_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_ident(unsigned char c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-';
}

/* Read a quoted string (L->pos at the opening quote). */
static int lx_string(lexer *L, char q)
{
    L->pos++;
    fbuf_reset(&L->sval);
    while (L->pos < L->len && L->src[L->pos] != q) {
        char c = L->src[L->pos];
        if (c == '\n')
            return lx_error(L, "unterminated string");
        if (c == '\\' && L->pos + 1 < L->len) {
            char d = L->src[++L->pos];
            if (d == 'n')
                d = '\n';
            else if (d == 't')
                d = '\t';
            else if (q == '/' && d != '/')
                fbuf_putc(&L->sval, '\\'); /* regex escapes pass through */
            fbuf_putc(&L->sval, d);
            L->pos++;
            continue;
        }
        fbuf_putc(&L->sval, c);
        L->pos++;
    }
    if (L->pos >= L->len)
        return lx_error(L, q == '/' ? "unterminated regex" : "unterminated string");
    L->pos++;
    return 0;
}

static void lx_next(lexer *L)
{
    if (L->err) {
        L->t = T_ERR;
        return;
    }
    skip_ws(L);
    L->tpos = L->pos;
    L->tline = L->line;
    L->tcol = col_of(L, L->pos, L->line_start);
    if (L->pos >= L->len) {
        L->t = T_EOF;
        return;
    }
    unsigned char c = (unsigned char)L->src[L->pos];
    int lone_underscore = c == '_' && !(L->pos + 1 < L->len && is_ident((unsigned char)L->src[L->pos + 1]));
    if (is_ident_start(c) && !lone_underscore) {
        size_t b = L->pos;
        while (L->pos < L->len && is_ident((unsigned char)L->src[L->pos]))
            L->pos++;
        fbuf_reset(&L->sval);
        fbuf_put(&L->sval, L->src + b, L->pos - b);
        L->t = T_IDENT;
    } else if (c >= '0' && c <= '9') {
        size_t b = L->pos;
        while (L->pos < L->len && L->src[L->pos] >= '0' && L->src[L->pos] <= '9')
            L->pos++;
        fbuf_reset(&L->sval);
        fbuf_put(&L->sval, L->src + b, L->pos - b);
        L->num = strtod(fbuf_cstr(&L->sval), NULL);
        if (L->num > INT32_MAX) /* read as int by phase, priority, {m,n} and len= */
            L->num = INT32_MAX;
        L->t = T_NUMBER;
    } else if (c == '"') {
        L->t = lx_string(L, '"') ? T_ERR : T_STRING;
    } else if (c == '=' && L->pos + 1 < L->len && L->src[L->pos + 1] == '>') {
        L->pos += 2;
        L->t = T_ARROW;
    } else if (strchr(";:={}[]()|&!?*+,<>@%$~._-/", c)) {
        L->punct = (char)c;
        L->pos++;
        L->t = T_PUNCT;
    } else {
        L->t = T_ERR;
        if (c >= 0x80)
            lx_error(L, "unexpected character (non-ASCII text belongs in quotes)");
        else
            lx_error(L, "unexpected character '%c'", c);
    }
    L->tlen = L->pos - L->tpos;
    if (L->sval.oom && !L->err) { /* the token's text did not fit: not a syntax error */
        diag_set(L->diag, FACTA_ENOMEM, L->file, L->tline, L->tcol, L->tpos, "out of memory");
        L->err = FACTA_ENOMEM;
        L->t = T_ERR;
    }
}

static int is_p(lexer *L, char c)
{
    return L->t == T_PUNCT && L->punct == c;
}

static int is_kw(lexer *L, const char *kw)
{
    return L->t == T_IDENT && strcmp(fbuf_cstr(&L->sval), kw) == 0;
}

static const char *tdesc(lexer *L)
{
    static const char *names[] = {"end of file", "identifier", "string", "number", "regex",
                                  "punctuation", "'=>'", "error"};
    return names[L->t];
}

static int expect_p(lexer *L, char c)
{
    if (!is_p(L, c)) {
        if (L->t == T_PUNCT)
            return lx_error(L, "expected '%c', found '%c'", c, L->punct);
        if (L->t == T_IDENT)
            return lx_error(L, "expected '%c', found '%s'", c, fbuf_cstr(&L->sval));
        return lx_error(L, "expected '%c', found %s", c, tdesc(L));
    }
    lx_next(L);
    return L->err;
}

/* ---- AST ---- */

enum node_kind { N_SEQ, N_ALT, N_TOK, N_ANY, N_LEX, N_REC, N_REPEAT, N_CAP };

typedef struct node {
    int kind;
    int a, b;         /* N_TOK: pred, agree; N_LEX: lex, tag; N_REC: type; N_REPEAT: min, max(-1);
                         N_CAP: slot */
    int c;            /* N_LEX: predicate on the first token, -1 none */
    struct node **kids;
    int nkids, kcap;
    int depth;       /* height of the subtree (defines included): bounds every recursion */
    signed char nul; /* nullable(): 0 not computed yet, 1 no, 2 yes */
} node;

/* deepest pattern tree (parentheses, quantifiers, captures and %defines together) */
#define MAX_AST_DEPTH (4 * FACTA__MAX_NESTING)

typedef struct define {
    char *name;
    node *ast;
} define;

typedef struct parser {
    facta_rules *r;
    lexer L;
    cctx *cc;
    const char *dir;  /* directory for relative file names */
    int phase;
    define *defs;
    int ndefs, defs_cap;
    fa_arena ast;     /* AST nodes and kid arrays */
    /* current rule's captures */
    char **caps;
    int ncaps, caps_cap;
    int depth;
    int last_rule;    /* for examples */
    int no_jit;       /* FACTA_COMPILE_NO_JIT */
} parser;

static node *mk(parser *P, int kind)
{
    node *n = arena_alloc(&P->ast, sizeof *n);
    if (!n) {
        P->L.err = FACTA_ENOMEM;
        return NULL;
    }
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->depth = 1;
    return n;
}

static int add_kid(parser *P, node *n, node *k)
{
    if (k->depth >= MAX_AST_DEPTH)
        return lx_error(&P->L, "pattern nested deeper than %d (parentheses, quantifiers, "
                               "captures and defines)", MAX_AST_DEPTH);
    if (k->depth + 1 > n->depth)
        n->depth = k->depth + 1;
    if (n->nkids == n->kcap) {
        int nc = n->kcap ? n->kcap * 2 : 4;
        node **nk = arena_alloc(&P->ast, (size_t)nc * sizeof *nk);
        if (!nk)
            return P->L.err = FACTA_ENOMEM;
        if (n->nkids)
            memcpy(nk, n->kids, (size_t)n->nkids * sizeof *nk);
        n->kids = nk;
        n->kcap = nc;
    }
    n->kids[n->nkids++] = k;
    return 0;
}

/* ---- interning ---- */

static int intern(facta_rules *r, char ***arr, int *n, int *cap, const char *s, size_t len)
{
    for (int i = 0; i < *n; i++)
        if (strlen((*arr)[i]) == len && memcmp((*arr)[i], s, len) == 0)
            return i;
    size_t c = (size_t)*cap;
    if (FA_GROW(&r->al, *arr, c, (size_t)*n + 1))
        return -1;
    *cap = (int)c;
    char *d = arena_strndup(&r->pool, s, len);
    if (!d)
        return -1;
    (*arr)[*n] = d;
    return (*n)++;
}

int rules_type_id(facta_rules *r, const char *name, size_t n)
{
    return intern(r, &r->types, &r->ntypes, &r->types_cap, name, n);
}

/* Remember the earliest phase that emits records of type t. */
int rules_note_type_phase(facta_rules *r, int t, int ph)
{
    size_t cap = r->type_phase_cap;
    size_t old = cap;
    if (FA_GROW(&r->al, r->type_phase, cap, (size_t)t + 1))
        return FACTA_ENOMEM;
    for (size_t i = old; i < cap; i++)
        r->type_phase[i] = INT32_MAX;
    r->type_phase_cap = cap;
    if (ph < r->type_phase[t])
        r->type_phase[t] = ph;
    return 0;
}

int rules_find_type(const facta_rules *r, const char *name)
{
    for (int i = 0; i < r->ntypes; i++)
        if (strcmp(r->types[i], name) == 0)
            return i;
    return -1;
}

int rules_tag_id(facta_rules *r, const char *name, size_t n)
{
    return intern(r, &r->tags, &r->ntags, &r->tags_cap, name, n);
}

static int find_lex(facta_rules *r, const char *name)
{
    for (int i = 0; i < r->nlexs; i++)
        if (strcmp(r->lexs[i].name, name) == 0)
            return i;
    return -1;
}

/* ---- predicates ---- */

static int new_pred(parser *P, int op)
{
    facta_rules *r = P->r;
    if (FA_GROW(&r->al, r->preds, r->preds_cap, r->npreds + 1)) {
        P->L.err = FACTA_ENOMEM;
        return -1;
    }
    pred *p = &r->preds[r->npreds];
    memset(p, 0, sizeof *p);
    p->op = op;
    p->lex = -1;
    p->tag = -1;
    return (int)r->npreds++;
}

static int fold_str(parser *P, const char *s, size_t n, char **out, size_t *olen)
{
    fbuf_reset(&P->cc->buf);
    int rc = tok_fold(P->cc->tk, s, n, &P->cc->buf);
    if (rc || P->cc->buf.oom)
        return P->L.err = FACTA_ENOMEM;
    *out = arena_strndup(&P->r->pool, fbuf_cstr(&P->cc->buf), P->cc->buf.len);
    *olen = P->cc->buf.len;
    return *out ? 0 : (P->L.err = FACTA_ENOMEM);
}

/* Is q (at a '(') a "(?" group other than (?: (?= (?! (?<= (?<! (?| : an option setting such
 * as (?i), or a construct the scans below do not know? */
static int regex_odd_group(const char *q)
{
    return q[0] == '(' && q[1] == '?' && (!q[2] || !strchr(":=!<>|", q[2]));
}

/* A byte that every match of regex `pat` (compiled case-sensitively) must contain, or -1:
 * a literal character outside any group or class, not quantified, in a pattern with no
 * top-level alternation ("-" in (twenty|thirty)-(one|two)). Of several, a punctuation
 * character or digit is preferred (rarer in words), then the last; for a multi-byte
 * character, its last byte. Inline options "(?i)" give -1 (they could make it caseless). */
static int regex_needed_byte(const char *pat)
{
    int depth = 0, best = -1, best_rare = 0;
    size_t n = strlen(pat);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)pat[i];
        size_t next = i + 1;
        int literal = -1;
        if (c == '\\') {
            /* escapes that take more characters (\x41, \x{..}, \p{..}, \Q..\E, \0..\9, ...)
             * are beyond this scan */
            if (i + 1 >= n || strchr("xocNpPgkuUQE0123456789", pat[i + 1]))
                return -1;
            next = i + 2; /* \d, \s, \. ...: a class or a quoted character, not counted */
        } else if (c == '[') {
            size_t j = i + 1;
            if (j < n && pat[j] == '^')
                j++;
            if (j < n && pat[j] == ']')
                j++;
            while (j < n && pat[j] != ']')
                j += pat[j] == '\\' ? 2 : 1;
            if (j >= n)
                return -1;
            next = j + 1;
        } else if (c == '(') {
            if (regex_odd_group(pat + i))
                return -1;
            depth++;
        } else if (c == ')') {
            depth--;
        } else if (c == '|') {
            if (depth == 0)
                return -1;
        } else if (strchr(".^$?*+{}", c)) {
            /* not a literal */
        } else {
            size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            next = i + k <= n ? i + k : n;
            literal = (unsigned char)pat[next - 1];
        }
        /* a quantifier after the atom makes it optional or repeated */
        if (next < n && strchr("?*+{", pat[next])) {
            literal = -1;
            next++;
            if (pat[next - 1] == '{')
                while (next < n && pat[next - 1] != '}')
                    next++;
            if (next < n && (pat[next] == '?' || pat[next] == '+'))
                next++; /* lazy or possessive */
        }
        if (literal >= 0 && depth == 0) {
            int rare = literal < 0x80 && !((literal | 0x20) >= 'a' && (literal | 0x20) <= 'z');
            if (rare || !best_rare) {
                best = literal;
                best_rare = rare;
            }
        }
        i = next;
    }
    return best;
}

/* When `pat` ends with a group of plain literal alternatives and has no top-level
 * alternation ([а-я]+(ов|ова|ев)), every match ends with one of them: *out gets them,
 * bucketed by last byte (in the rules' pool). So it does when the pattern ends with one
 * literal character ([a-z]+[a-rt-z]s): *out gets that one. *at gets where that end starts
 * in the pattern. 0, or FACTA_ENOMEM; *out NULL when the pattern has no such end. */
static int regex_tails(parser *P, const char *pat, const re_tails **out, size_t *at)
{
    *out = NULL;
    *at = 0;
    size_t n = strlen(pat), open = 0;
    size_t opens[64];
    int depth = 0;
    if (!n)
        return 0;
    size_t lit = n; /* where a final literal character starts, if the pattern ends with one */
    if (pat[n - 1] != ')') {
        lit = n - 1;
        while (lit > 0 && ((unsigned char)pat[lit] & 0xC0) == 0x80)
            lit--;
        size_t bs = 0; /* backslashes before it: an odd count escapes it */
        while (bs < lit && pat[lit - 1 - bs] == '\\')
            bs++;
        if (strchr("\\[]().^$?*+{}|", pat[lit]) || (bs & 1) || n - lit > 4)
            return 0;
    }
    for (size_t i = 0; i < n; i++) { /* find the group that the last ')' closes */
        char c = pat[i];
        if (c == '\\') {
            i++;
        } else if (c == '[') {
            i++;
            if (i < n && pat[i] == '^')
                i++;
            if (i < n && pat[i] == ']')
                i++;
            while (i < n && pat[i] != ']')
                i += pat[i] == '\\' ? 2 : 1;
        } else if (c == '(') {
            if (i + 2 < n && pat[i + 1] == '?' && pat[i + 2] != ':')
                return 0; /* options, lookarounds, ...: not this simple shape */
            if (depth == 64)
                return 0;
            opens[depth++] = i;
        } else if (c == ')') {
            if (!depth)
                return 0;
            open = opens[--depth];
            if (i == n - 1 && depth != 0)
                return 0;
        } else if (c == '|' && depth == 0) {
            return 0;
        }
    }
    if (lit < n) {
        if (depth != 0)
            return 0;
        re_tails *t = arena_alloc(&P->r->pool, sizeof *t + sizeof t->alt[0]);
        if (!t)
            return FACTA_ENOMEM;
        memset(t, 0, sizeof *t + sizeof t->alt[0]);
        unsigned char last = (unsigned char)pat[n - 1];
        for (int c = last + 1; c <= 256; c++)
            t->first[c] = 1;
        t->alt[0].len = (uint8_t)(n - lit);
        memcpy(t->alt[0].s, pat + lit, n - lit);
        t->n = 1;
        *out = t;
        *at = lit;
        return 0;
    }
    size_t b = open + 1 + (pat[open + 1] == '?' ? 2 : 0), e = n - 1;
    size_t nalts = 1;
    for (size_t i = b; i < e; i++) {
        if (strchr("\\[]().^$?*+{}", pat[i]))
            return 0; /* only plain literals */
        nalts += pat[i] == '|';
    }
    if (nalts > 255)
        return 0;
    re_tails *t = arena_alloc(&P->r->pool, sizeof *t + nalts * sizeof t->alt[0]);
    if (!t)
        return FACTA_ENOMEM;
    memset(t, 0, sizeof *t);
    /* counting sort by last byte */
    uint16_t count[256] = {0};
    for (size_t i = b, s = b; i <= e; i++) {
        if (i < e && pat[i] != '|')
            continue;
        if (i == s || i - s > 15)
            return 0; /* an empty alternative (no requirement) or a long one */
        count[(unsigned char)pat[i - 1]]++;
        s = i + 1;
    }
    for (int c = 0; c < 256; c++)
        t->first[c + 1] = (uint16_t)(t->first[c] + count[c]);
    uint16_t fill[256];
    memcpy(fill, t->first, sizeof fill);
    for (size_t i = b, s = b; i <= e; i++) {
        if (i < e && pat[i] != '|')
            continue;
        unsigned char last = (unsigned char)pat[i - 1];
        uint16_t k = fill[last]++;
        t->alt[k].len = (uint8_t)(i - s);
        memcpy(t->alt[k].s, pat + s, i - s);
        s = i + 1;
    }
    t->n = (uint16_t)nalts;
    *out = t;
    *at = open;
    return 0;
}

/* Is pat[0, at) a bracket class of plain characters and ranges, then '+' ("[а-я-]+")? Its
 * ranges go to p->re_cls. Anything else (negation, escapes, POSIX classes, more than 8
 * ranges) gives 0. */
static int regex_class_plus(const char *pat, size_t at, pred *p)
{
    if (at < 4 || pat[0] != '[' || pat[1] == '^' || pat[at - 1] != '+' || pat[at - 2] != ']')
        return 0;
    size_t i = 1, e = at - 2;
    int n = 0;
    while (i < e) {
        if (strchr("\\[]", pat[i]))
            return 0;
        uint32_t lo = utf8_next(pat, e, &i), hi = lo;
        if (i + 1 < e && pat[i] == '-') { /* a range, unless '-' ends the class */
            i++;
            if (strchr("\\[]", pat[i]))
                return 0;
            hi = utf8_next(pat, e, &i);
            if (hi < lo)
                return 0;
        }
        if (lo == 0xFFFD || hi == 0xFFFD || n == 8)
            return 0;
        p->re_cls[n][0] = lo;
        p->re_cls[n][1] = hi;
        n++;
    }
    p->re_ncls = n;
    return n > 0;
}

static int compile_regex(parser *P, pred *p, const char *pat, int icase)
{
    int err;
    PCRE2_SIZE off;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | (icase ? PCRE2_CASELESS : 0);
    /* anchor the whole token: the regex must match all of it */
    fbuf b;
    fbuf_init(&b, &P->r->al);
    fbuf_puts(&b, "^(?:");
    fbuf_puts(&b, pat);
    fbuf_puts(&b, ")$");
    if (b.oom) {
        fbuf_free(&b);
        return P->L.err = FACTA_ENOMEM;
    }
    p->re = pcre2_compile((PCRE2_SPTR)b.data, b.len, opts, &err, &off, NULL);
    fbuf_free(&b);
    if (!p->re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        diag_set(P->L.diag, FACTA_EREGEX, P->L.file, P->L.tline, P->L.tcol + 1 + (off > 4 ? off - 4 : 0),
                 P->L.tpos, "bad regex: %s", (const char *)msg);
        return P->L.err = FACTA_EREGEX;
    }
    if (!P->no_jit) /* failure: the interpreter is used */
        p->jit = pcre2_jit_compile(p->re, PCRE2_JIT_COMPLETE) == 0;
    /* a byte every match must contain: a token without it fails before PCRE2 is called */
    p->re_need = icase ? -1 : regex_needed_byte(pat);
    /* no caseless matching: not asked for, and no option setting "(?i" or the like inside */
    p->re_cased = !icase;
    for (const char *q = strstr(pat, "(?"); q && p->re_cased; q = strstr(q + 2, "(?"))
        p->re_cased = !regex_odd_group(q);
    p->re_tail = NULL;
    size_t at = 0;
    if (!icase && regex_tails(P, pat, &p->re_tail, &at))
        return P->L.err = FACTA_ENOMEM;
    /* ".+(ов|ев)", ".*s": any characters, then the tail; tokens hold no line breaks, so
     * the tail alone decides (".+": something must come before it) */
    p->re_any = 0;
    if (p->re_tail && at == 2 && pat[0] == '.' && (pat[1] == '+' || pat[1] == '*'))
        p->re_any = pat[1] == '+' ? 1 : 2;
    else if (p->re_tail && regex_class_plus(pat, at, p))
        p->re_any = 3;
    return 0;
}

static const struct { const char *name; int op; int val; } BARE[] = {
    {"number", P_KIND, FACTA_TOK_NUMBER}, {"alpha", P_KIND, FACTA_TOK_WORD},
    {"punct", P_KIND, FACTA_TOK_PUNCT},   {"symbol", P_KIND, FACTA_TOK_SYMBOL},
    {"url", P_KIND, FACTA_TOK_URL},       {"latin", P_SCRIPT, FACTA_SCRIPT_LATIN},
    {"cyrillic", P_SCRIPT, FACTA_SCRIPT_CYRILLIC}, {"mixed", P_SCRIPT, FACTA_SCRIPT_MIXED},
    {"title", P_SHAPE, FACTA_SHAPE_TITLE}, {"upper", P_SHAPE, FACTA_SHAPE_UPPER},
    {"lower", P_SHAPE, FACTA_SHAPE_LOWER}, {"initial", P_SHAPE, FACTA_SHAPE_INITIAL},
    {"camel", P_SHAPE, FACTA_SHAPE_MIXED}, {"cap", P_SHAPE, -1},
    {"sent", P_SENT, 0}, {"para", P_PARA, 0}, {"space", P_SPACE, 0}, {"any", P_TRUE, 0},
};

static int parse_pexpr(parser *P);

static int parse_ptest(parser *P)
{
    lexer *L = &P->L;
    if (L->t != T_IDENT) {
        lx_error(L, "expected a token test (word=, stem=, re=, in=, case=, number, title, ...)");
        return -1;
    }
    char key[32];
    snprintf(key, sizeof key, "%s", fbuf_cstr(&L->sval));
    size_t kline = L->tline, kcol = L->tcol, kpos = L->tpos;
    lx_next(L);
    if (!is_p(L, '=')) {
        for (size_t i = 0; i < sizeof BARE / sizeof BARE[0]; i++) {
            if (strcmp(BARE[i].name, key) == 0) {
                int id = new_pred(P, BARE[i].op);
                if (id >= 0)
                    P->r->preds[id].a = BARE[i].val;
                return id;
            }
        }
        L->tline = kline, L->tcol = kcol, L->tpos = kpos;
        lx_error(L, "unknown token test '%s'", key);
        return -1;
    }
    lx_next(L);
    if (strcmp(key, "re") == 0 || strcmp(key, "fre") == 0) {
        /* the lexer gave '/' as punctuation: read the regex body by hand */
        if (!is_p(L, '/')) {
            lx_error(L, "expected /regex/ after %s=", key);
            return -1;
        }
        L->pos = L->tpos;
        if (lx_string(L, '/'))
            return -1;
        int icase = 0;
        while (L->pos < L->len && (L->src[L->pos] == 'i'))
            icase = 1, L->pos++;
        int id = new_pred(P, key[0] == 'f' ? P_FRE : P_RE);
        if (id < 0 || compile_regex(P, &P->r->preds[id], fbuf_cstr(&L->sval), icase))
            return -1;
        lx_next(L);
        return id;
    }
    if (strcmp(key, "word") == 0 || strcmp(key, "stem") == 0 || strcmp(key, "form") == 0 ||
        strcmp(key, "prefix") == 0 || strcmp(key, "suffix") == 0) {
        if (L->t != T_STRING) {
            lx_error(L, "expected a quoted string after %s=", key);
            return -1;
        }
        int op = key[0] == 'w' ? P_WORD : key[0] == 's' && key[1] == 't' ? P_STEM
                 : key[0] == 'f' ? P_FORM : key[0] == 'p' ? P_PREFIX : P_SUFFIX;
        int id = new_pred(P, op);
        if (id < 0)
            return -1;
        pred *p = &P->r->preds[id];
        const char *s = fbuf_cstr(&L->sval);
        size_t n = L->sval.len;
        if (op == P_FORM) {
            p->str = arena_strndup(&P->r->pool, s, n);
            p->len = n;
        } else if (fold_str(P, s, n, &p->str, &p->len)) {
            return -1;
        }
        if (op == P_STEM) {
            uint32_t sl;
            const char *st = tok_stem(P->cc->tk, p->str, p->len, tok_script(p->str, p->len), &sl);
            if (!st)
                return P->L.err = FACTA_ENOMEM, -1;
            p->str = arena_strndup(&P->r->pool, st, sl);
            p->len = sl;
        }
        if (!p->str)
            return P->L.err = FACTA_ENOMEM, -1;
        p->hash = fa_hash(p->str, p->len);
        lx_next(L);
        return id;
    }
    if (strcmp(key, "in") == 0) {
        if (L->t != T_IDENT) {
            lx_error(L, "expected a lexicon name after in=");
            return -1;
        }
        int lex = find_lex(P->r, fbuf_cstr(&L->sval));
        if (lex < 0) {
            lx_error(L, "unknown lexicon '%s'", fbuf_cstr(&L->sval));
            return -1;
        }
        lx_next(L);
        int tag = -1;
        if (is_p(L, ':')) {
            lx_next(L);
            if (L->t != T_IDENT) {
                lx_error(L, "expected a tag after ':'");
                return -1;
            }
            tag = rules_tag_id(P->r, L->sval.data, L->sval.len);
            if (tag < 0)
                return P->L.err = FACTA_ENOMEM, -1;
            lx_next(L);
        }
        int id = new_pred(P, P_IN);
        if (id >= 0) {
            P->r->preds[id].lex = lex;
            P->r->preds[id].tag = tag;
        }
        return id;
    }
    if (strcmp(key, "case") == 0 || strcmp(key, "num") == 0 || strcmp(key, "gender") == 0) {
        if (L->t != T_IDENT) {
            lx_error(L, "expected a value after %s=", key);
            return -1;
        }
        uint64_t m = 0;
        /* allow case=gen|dat written as case=gen,dat? keep one value; combine with | */
        m = morph_mask_for(key, fbuf_cstr(&L->sval));
        if (!m) {
            lx_error(L, "unknown %s '%s'", key, fbuf_cstr(&L->sval));
            return -1;
        }
        lx_next(L);
        int id = new_pred(P, P_MORPH);
        if (id >= 0) {
            P->r->preds[id].mask = (uint32_t)0;
            P->r->preds[id].hash = m;
            P->r->morph.used = 1;
        }
        return id;
    }
    static const struct { const char *key; int op; const char *vals[8]; int v[8]; } ENUMS[] = {
        {"kind", P_KIND, {"word", "number", "punct", "symbol", "url"},
         {FACTA_TOK_WORD, FACTA_TOK_NUMBER, FACTA_TOK_PUNCT, FACTA_TOK_SYMBOL, FACTA_TOK_URL}},
        {"script", P_SCRIPT, {"latin", "cyrillic", "mixed", "other"},
         {FACTA_SCRIPT_LATIN, FACTA_SCRIPT_CYRILLIC, FACTA_SCRIPT_MIXED, FACTA_SCRIPT_OTHER}},
        {"shape", P_SHAPE, {"xxx", "XXX", "Xxx", "xXx", "X", "none"},
         {FACTA_SHAPE_LOWER, FACTA_SHAPE_UPPER, FACTA_SHAPE_TITLE, FACTA_SHAPE_MIXED,
          FACTA_SHAPE_INITIAL, FACTA_SHAPE_NONE}},
    };
    for (size_t i = 0; i < sizeof ENUMS / sizeof ENUMS[0]; i++) {
        if (strcmp(ENUMS[i].key, key) != 0)
            continue;
        if (L->t != T_IDENT && L->t != T_STRING) {
            lx_error(L, "expected a value after %s=", key);
            return -1;
        }
        const char *v = fbuf_cstr(&L->sval);
        for (int j = 0; j < 8 && ENUMS[i].vals[j]; j++) {
            if (strcmp(ENUMS[i].vals[j], v) == 0) {
                int id = new_pred(P, ENUMS[i].op);
                if (id >= 0)
                    P->r->preds[id].a = ENUMS[i].v[j];
                lx_next(L);
                return id;
            }
        }
        lx_error(L, "unknown %s '%s'", key, v);
        return -1;
    }
    if (strcmp(key, "len") == 0) {
        if (L->t != T_NUMBER) {
            lx_error(L, "expected len=N or len=N..M");
            return -1;
        }
        int a = (int)L->num, b = a;
        lx_next(L);
        if (is_p(L, '.')) {
            lx_next(L);
            if (expect_p(L, '.'))
                return -1;
            if (L->t != T_NUMBER) {
                lx_error(L, "expected a number after '..'");
                return -1;
            }
            b = (int)L->num;
            lx_next(L);
        }
        int id = new_pred(P, P_LEN);
        if (id >= 0) {
            P->r->preds[id].a = a;
            P->r->preds[id].b = b;
        }
        return id;
    }
    L->tline = kline, L->tcol = kcol, L->tpos = kpos;
    lx_error(L, "unknown token test '%s'", key);
    return -1;
}

static int parse_punary(parser *P)
{
    lexer *L = &P->L;
    if (is_p(L, '!')) {
        if (++P->depth > FACTA__MAX_NESTING) {
            lx_error(L, "nesting deeper than %d", FACTA__MAX_NESTING);
            return -1;
        }
        lx_next(L);
        int k = parse_punary(P);
        P->depth--;
        if (k < 0)
            return -1;
        int id = new_pred(P, P_NOT);
        if (id >= 0)
            P->r->preds[id].a = k;
        return id;
    }
    if (is_p(L, '(')) {
        if (++P->depth > FACTA__MAX_NESTING) {
            lx_error(L, "nesting deeper than %d", FACTA__MAX_NESTING);
            return -1;
        }
        lx_next(L);
        int k = parse_pexpr(P);
        P->depth--;
        if (k < 0 || expect_p(L, ')'))
            return -1;
        return k;
    }
    if (L->t == T_STRING) { /* [ "said" ] is word="said" */
        int id = new_pred(P, P_WORD);
        if (id < 0)
            return -1;
        pred *p = &P->r->preds[id];
        if (fold_str(P, L->sval.data, L->sval.len, &p->str, &p->len))
            return -1;
        p->hash = fa_hash(p->str, p->len);
        lx_next(L);
        return id;
    }
    return parse_ptest(P);
}

static int parse_pbin(parser *P, char opc, int op, int (*sub)(parser *))
{
    int a = sub(P);
    while (a >= 0 && is_p(&P->L, opc)) {
        lx_next(&P->L);
        int b = sub(P);
        if (b < 0)
            return -1;
        int id = new_pred(P, op);
        if (id < 0)
            return -1;
        P->r->preds[id].a = a;
        P->r->preds[id].b = b;
        a = id;
    }
    return a;
}

static int parse_pand(parser *P)
{
    return parse_pbin(P, '&', P_AND, parse_punary);
}

static int parse_pexpr(parser *P)
{
    return parse_pbin(P, '|', P_OR, parse_pand);
}

/* A whole token test, [ ... ]. Its tests form one tree that matching walks recursively, so
 * their number is bounded (a chain of '&' or '|' is as deep as it is long). */
#define MAX_TEST_PREDS 4096
static int parse_test(parser *P)
{
    size_t first = P->r->npreds;
    int id = parse_pexpr(P);
    if (id >= 0 && P->r->npreds - first > MAX_TEST_PREDS) {
        lx_error(&P->L, "token test too large (over %d tests and operators)", MAX_TEST_PREDS);
        return -1;
    }
    return id;
}

/* ---- patterns ---- */

static node *parse_alt(parser *P);

static int cap_slot(parser *P, const char *name)
{
    for (int i = 0; i < P->ncaps; i++)
        if (strcmp(P->caps[i], name) == 0)
            return i;
    if (P->ncaps >= FACTA__MAX_CAPTURES) {
        lx_error(&P->L, "more than %d captures in one rule", FACTA__MAX_CAPTURES);
        return -1;
    }
    size_t c = (size_t)P->caps_cap;
    if (FA_GROW(&P->r->al, P->caps, c, (size_t)P->ncaps + 1))
        return P->L.err = FACTA_ENOMEM, -1;
    P->caps_cap = (int)c;
    P->caps[P->ncaps] = arena_strndup(&P->r->pool, name, strlen(name));
    if (!P->caps[P->ncaps])
        return P->L.err = FACTA_ENOMEM, -1;
    return P->ncaps++;
}

/* A literal string: one token, or a sequence when it holds several words. */
static node *literal(parser *P, const char *s, size_t n)
{
    ftok *toks;
    size_t nt;
    arena_reset(&P->cc->scratch);
    if (tok_run(P->cc->tk, s, n, 0, &P->cc->scratch, &toks, &nt)) {
        P->L.err = FACTA_ENOMEM;
        return NULL;
    }
    if (nt == 0) {
        lx_error(&P->L, "empty literal");
        return NULL;
    }
    node *seq = mk(P, N_SEQ);
    for (size_t i = 0; seq && i < nt; i++) {
        int id = new_pred(P, P_WORD);
        if (id < 0)
            return NULL;
        pred *p = &P->r->preds[id];
        p->str = arena_strndup(&P->r->pool, toks[i].pub.folded, toks[i].folded_len);
        if (!p->str) {
            P->L.err = FACTA_ENOMEM;
            return NULL;
        }
        p->len = toks[i].folded_len;
        p->hash = toks[i].fhash;
        node *t = mk(P, N_TOK);
        if (!t)
            return NULL;
        t->a = id;
        if (add_kid(P, seq, t))
            return NULL;
    }
    return seq && seq->nkids == 1 ? seq->kids[0] : seq;
}

static node *parse_atom(parser *P)
{
    lexer *L = &P->L;
    if (is_p(L, '(')) {
        if (++P->depth > FACTA__MAX_NESTING) {
            lx_error(L, "nesting deeper than %d", FACTA__MAX_NESTING);
            return NULL;
        }
        lx_next(L);
        node *n = parse_alt(P);
        P->depth--;
        if (!n || expect_p(L, ')'))
            return NULL;
        return n;
    }
    if (L->t == T_STRING) {
        node *n = literal(P, L->sval.data ? L->sval.data : "", L->sval.len);
        lx_next(L);
        return n;
    }
    if (is_p(L, '[')) {
        lx_next(L);
        int id = parse_test(P);
        if (id < 0 || expect_p(L, ']'))
            return NULL;
        node *n = mk(P, N_TOK);
        if (n)
            n->a = id;
        return n;
    }
    if (is_p(L, '_')) {
        lx_next(L);
        return mk(P, N_ANY);
    }
    if (is_p(L, '@')) {
        lx_next(L);
        if (L->t != T_IDENT) {
            lx_error(L, "expected a lexicon name after '@'");
            return NULL;
        }
        int lex = find_lex(P->r, fbuf_cstr(&L->sval));
        if (lex < 0) {
            lx_error(L, "unknown lexicon '%s'", fbuf_cstr(&L->sval));
            return NULL;
        }
        lx_next(L);
        int tag = -1;
        if (is_p(L, ':')) {
            lx_next(L);
            if (L->t != T_IDENT) {
                lx_error(L, "expected a tag after ':'");
                return NULL;
            }
            tag = rules_tag_id(P->r, L->sval.data, L->sval.len);
            if (tag < 0) {
                P->L.err = FACTA_ENOMEM;
                return NULL;
            }
            lx_next(L);
        }
        int fp = -1;
        if (is_p(L, '[')) { /* @LEX[test]: the phrase's first token must pass the test */
            lx_next(L);
            fp = parse_test(P);
            if (fp < 0 || expect_p(L, ']'))
                return NULL;
        }
        node *n = mk(P, N_LEX);
        if (n) {
            n->a = lex;
            n->b = tag;
            n->c = fp;
        }
        return n;
    }
    if (is_p(L, '<')) {
        lx_next(L);
        if (L->t != T_IDENT) {
            lx_error(L, "expected a record type after '<'");
            return NULL;
        }
        int ty = rules_find_type(P->r, fbuf_cstr(&L->sval));
        if (ty < 0) {
            lx_error(L, "no rule above emits records of type '%s'", fbuf_cstr(&L->sval));
            return NULL;
        }
        if (P->r->type_phase[ty] >= P->phase) {
            lx_error(L, "records of type '%s' come from phase %d: only an earlier phase's "
                        "records can be matched", fbuf_cstr(&L->sval), P->r->type_phase[ty]);
            return NULL;
        }
        lx_next(L);
        if (expect_p(L, '>'))
            return NULL;
        node *n = mk(P, N_REC);
        if (n)
            n->a = ty;
        return n;
    }
    if (is_p(L, '%')) {
        lx_next(L);
        if (L->t != T_IDENT) {
            lx_error(L, "expected a pattern name after '%%'");
            return NULL;
        }
        for (int i = 0; i < P->ndefs; i++) {
            if (strcmp(P->defs[i].name, fbuf_cstr(&L->sval)) == 0) {
                lx_next(L);
                return P->defs[i].ast;
            }
        }
        lx_error(L, "unknown pattern '%s' (define it before use)", fbuf_cstr(&L->sval));
        return NULL;
    }
    if (L->t == T_IDENT)
        lx_error(L, "unexpected '%s' in a pattern (quote words: \"%s\")", fbuf_cstr(&L->sval),
                 fbuf_cstr(&L->sval));
    else if (L->t == T_PUNCT)
        lx_error(L, "unexpected '%c' in a pattern", L->punct);
    else
        lx_error(L, "expected a pattern element, found %s", tdesc(L));
    return NULL;
}

static node *parse_item(parser *P)
{
    lexer *L = &P->L;
    int slot = -1;
    if (L->t == T_IDENT) {
        /* name: capture */
        size_t save_pos = L->pos, save_line = L->line, save_ls = L->line_start;
        size_t wline = L->tline, wcol = L->tcol, wpos = L->tpos;
        char name[64];
        snprintf(name, sizeof name, "%s", fbuf_cstr(&L->sval));
        lx_next(L);
        if (is_p(L, ':')) {
            lx_next(L);
            slot = cap_slot(P, name);
            if (slot < 0)
                return NULL;
        } else {
            /* not a capture: report at the word */
            L->pos = save_pos;
            L->line = save_line;
            L->line_start = save_ls;
            L->tline = wline;
            L->tcol = wcol;
            L->tpos = wpos;
            lx_error(L, "unexpected '%s' in a pattern (quote words: \"%s\", or name a capture: %s:...)",
                     name, name, name);
            return NULL;
        }
    }
    node *a = parse_atom(P);
    if (!a)
        return NULL;
    /* agreement: [test]~ (before any quantifier: [test]~{0,3}) */
    if (is_p(L, '~')) {
        lx_next(L);
        if (a->kind != N_TOK) {
            lx_error(L, "'~' (agreement) applies to a single token test");
            return NULL;
        }
        node *c = mk(P, N_TOK);
        if (!c)
            return NULL;
        *c = *a;
        c->b = 1;
        a = c;
        P->r->morph.used = 1;
    }
    for (;;) {
        int mn = -1, mx = -1;
        if (is_p(L, '?'))
            mn = 0, mx = 1;
        else if (is_p(L, '*'))
            mn = 0, mx = -1;
        else if (is_p(L, '+'))
            mn = 1, mx = -1;
        else if (is_p(L, '{')) {
            lx_next(L);
            if (L->t != T_NUMBER) {
                lx_error(L, "expected a number in {m,n}");
                return NULL;
            }
            mn = (int)L->num;
            mx = mn;
            lx_next(L);
            if (is_p(L, ',')) {
                lx_next(L);
                mx = -1;
                if (L->t == T_NUMBER) {
                    mx = (int)L->num;
                    lx_next(L);
                }
            }
            if (!is_p(L, '}')) {
                lx_error(L, "expected '}'");
                return NULL;
            }
            if ((mx >= 0 && mx < mn) || mn > FACTA__MAX_MATCH_TOKENS ||
                mx > FACTA__MAX_MATCH_TOKENS) {
                lx_error(L, "bad repeat {%d,%d} (0 <= m <= n <= %d)", mn, mx,
                         FACTA__MAX_MATCH_TOKENS);
                return NULL;
            }
        } else {
            break;
        }
        lx_next(L);
        node *r = mk(P, N_REPEAT);
        if (!r || add_kid(P, r, a))
            return NULL;
        r->a = mn;
        r->b = mx;
        a = r;
    }
    if (slot >= 0) {
        node *c = mk(P, N_CAP);
        if (!c || add_kid(P, c, a))
            return NULL;
        c->a = slot;
        a = c;
    }
    return a;
}

static int seq_end(lexer *L)
{
    return L->t == T_EOF || L->t == T_ERR || L->t == T_ARROW || is_p(L, '|') || is_p(L, ')') ||
           is_p(L, ';');
}

static node *parse_seq(parser *P)
{
    node *s = mk(P, N_SEQ);
    while (s && !seq_end(&P->L)) {
        node *it = parse_item(P);
        if (!it || add_kid(P, s, it))
            return NULL;
    }
    if (s && s->nkids == 0) {
        lx_error(&P->L, "empty pattern");
        return NULL;
    }
    return s && s->nkids == 1 ? s->kids[0] : s;
}

static node *parse_alt(parser *P)
{
    node *a = parse_seq(P);
    if (!a || !is_p(&P->L, '|'))
        return a;
    node *alt = mk(P, N_ALT);
    if (!alt || add_kid(P, alt, a))
        return NULL;
    while (is_p(&P->L, '|')) {
        lx_next(&P->L);
        node *b = parse_seq(P);
        if (!b || add_kid(P, alt, b))
            return NULL;
    }
    return alt;
}

/* ---- compile AST to program ---- */

static int emit_inst3(parser *P, phase *ph, int op, int x, int y, int z, int agree);

static int emit_inst(parser *P, phase *ph, int op, int x, int y, int agree)
{
    return emit_inst3(P, ph, op, x, y, -1, agree);
}

static int emit_inst3(parser *P, phase *ph, int op, int x, int y, int z, int agree)
{
    if (ph->nprog >= FACTA__MAX_PROGRAM) {
        lx_error(&P->L, "rule program too large (limit %d instructions per phase)",
                 FACTA__MAX_PROGRAM);
        return -1;
    }
    if (FA_GROW(&P->r->al, ph->prog, ph->cap, ph->nprog + 1)) {
        P->L.err = FACTA_ENOMEM;
        return -1;
    }
    inst *in = &ph->prog[ph->nprog];
    in->op = (uint8_t)op;
    in->agree = (uint8_t)agree;
    in->x = x;
    in->y = y;
    in->z = z;
    return (int)ph->nprog++;
}

static int compile_node(parser *P, phase *ph, const node *n);

static int compile_repeat(parser *P, phase *ph, const node *n)
{
    int mn = n->a, mx = n->b;
    for (int i = 0; i < mn; i++)
        if (compile_node(P, ph, n->kids[0]))
            return -1;
    if (mx < 0) {
        /* L: split body, out; body; jmp L */
        int l = emit_inst(P, ph, OP_SPLIT, 0, 0, 0);
        if (l < 0)
            return -1;
        ph->prog[l].x = l + 1;
        if (compile_node(P, ph, n->kids[0]))
            return -1;
        if (emit_inst(P, ph, OP_JMP, l, 0, 0) < 0)
            return -1;
        ph->prog[l].y = (int)ph->nprog;
        return 0;
    }
    /* (n - m) nested optionals: split body, out ... all jumping to the end */
    int splits[FACTA__MAX_MATCH_TOKENS + 1];
    int ns = 0;
    for (int i = mn; i < mx; i++) {
        int s = emit_inst(P, ph, OP_SPLIT, 0, 0, 0);
        if (s < 0)
            return -1;
        ph->prog[s].x = s + 1;
        splits[ns++] = s;
        if (compile_node(P, ph, n->kids[0]))
            return -1;
    }
    for (int i = 0; i < ns; i++)
        ph->prog[splits[i]].y = (int)ph->nprog;
    return 0;
}

static int compile_node(parser *P, phase *ph, const node *n)
{
    if (P->L.err)
        return -1;
    switch (n->kind) {
    case N_SEQ:
        for (int i = 0; i < n->nkids; i++)
            if (compile_node(P, ph, n->kids[i]))
                return -1;
        return 0;
    case N_ALT: {
        int jumps[256];
        int nj = 0;
        if (n->nkids > 256) {
            lx_error(&P->L, "more than 256 alternatives in one group");
            return -1;
        }
        for (int i = 0; i < n->nkids; i++) {
            int s = -1;
            if (i + 1 < n->nkids) {
                s = emit_inst(P, ph, OP_SPLIT, 0, 0, 0);
                if (s < 0)
                    return -1;
                ph->prog[s].x = s + 1;
            }
            if (compile_node(P, ph, n->kids[i]))
                return -1;
            if (i + 1 < n->nkids) {
                int j = emit_inst(P, ph, OP_JMP, 0, 0, 0);
                if (j < 0)
                    return -1;
                jumps[nj++] = j;
                ph->prog[s].y = (int)ph->nprog;
            }
        }
        for (int i = 0; i < nj; i++)
            ph->prog[jumps[i]].x = (int)ph->nprog;
        return 0;
    }
    case N_TOK:
        return emit_inst(P, ph, OP_TOK, n->a, 0, n->b) < 0 ? -1 : 0;
    case N_ANY:
        return emit_inst(P, ph, OP_ANY, 0, 0, 0) < 0 ? -1 : 0;
    case N_LEX:
        return emit_inst3(P, ph, OP_LEX, n->a, n->b, n->c, 0) < 0 ? -1 : 0;
    case N_REC:
        return emit_inst(P, ph, OP_REC, n->a, 0, 0) < 0 ? -1 : 0;
    case N_REPEAT:
        return compile_repeat(P, ph, n);
    case N_CAP:
        if (emit_inst(P, ph, OP_SAVE, n->a * 2, 0, 0) < 0 || compile_node(P, ph, n->kids[0]) ||
            emit_inst(P, ph, OP_SAVE, n->a * 2 + 1, 0, 0) < 0)
            return -1;
        return 0;
    }
    return -1;
}

/* Can n match the empty sequence? Memoized: %defines share subtrees, and the tree of
 * defines of defines is exponentially larger than their DAG. */
static int nullable(node *n)
{
    if (n->nul)
        return n->nul == 2;
    int r = 0;
    switch (n->kind) {
    case N_SEQ:
        r = 1;
        for (int i = 0; i < n->nkids && r; i++)
            r = nullable(n->kids[i]);
        break;
    case N_ALT:
        for (int i = 0; i < n->nkids && !r; i++)
            r = nullable(n->kids[i]);
        break;
    case N_REPEAT:
        r = n->a == 0 || nullable(n->kids[0]);
        break;
    case N_CAP:
        r = nullable(n->kids[0]);
        break;
    default:
        r = 0;
    }
    n->nul = r ? 2 : 1;
    return r;
}

/* Seed keys: word hash (P_WORD), lexicon (tag bit 62), record type (bit 63). */
#define KEY_LEX(l) ((1ull << 62) | (uint64_t)(l))
#define KEY_REC(t) ((1ull << 63) | (uint64_t)(t))

/* Token classes a predicate can accept (conservative: unknown tests accept all). */
static void pred_classes(const facta_rules *r, int id, uint64_t m[2])
{
    const pred *p = &r->preds[id];
    uint64_t a[2], b[2];
    m[0] = m[1] = 0;
    switch (p->op) {
    case P_AND:
    case P_OR:
        pred_classes(r, p->a, a);
        pred_classes(r, p->b, b);
        m[0] = p->op == P_AND ? a[0] & b[0] : a[0] | b[0];
        m[1] = p->op == P_AND ? a[1] & b[1] : a[1] | b[1];
        return;
    case P_KIND:
    case P_SCRIPT:
    case P_SHAPE:
        for (int k = 0; k < 5; k++)
            for (int sc = 0; sc < 4; sc++)
                for (int sh = 0; sh < 6; sh++) {
                    int ok = p->op == P_KIND     ? k == p->a
                             : p->op == P_SCRIPT ? sc == p->a
                             : p->a >= 0         ? sh == p->a
                                                 : (sh == FACTA_SHAPE_TITLE || sh == FACTA_SHAPE_UPPER ||
                                                    sh == FACTA_SHAPE_INITIAL || sh == FACTA_SHAPE_MIXED);
                    if (ok) {
                        unsigned c = tok_class(k, sc, sh);
                        m[c / 64] |= 1ull << (c % 64);
                    }
                }
        return;
    default:
        m[0] = m[1] = ~0ull;
    }
}

/* The consuming instructions reachable from the rule's root through jumps, splits and saves:
 * the matcher tries these on a token before it starts a thread there. */
static int first_pcs(parser *P, phase *ph, rule *ru)
{
    size_t n = ph->nprog - ru->root;
    uint8_t *seen = fa_calloc(&P->r->al, n + 1, 1);
    uint32_t *stack = fa_malloc(&P->r->al, (n + 1) * sizeof *stack);
    uint32_t *out = arena_alloc(&P->r->pool, (n + 1) * sizeof *out);
    int rc = 0, no = 0;
    size_t sp = 0;
    if (!seen || !stack || !out) {
        rc = P->L.err = FACTA_ENOMEM;
        goto done;
    }
    stack[sp++] = ru->root;
    while (sp) {
        uint32_t pc = stack[--sp];
        if (pc < ru->root || pc >= ph->nprog || seen[pc - ru->root])
            continue;
        seen[pc - ru->root] = 1;
        const inst *in = &ph->prog[pc];
        switch (in->op) {
        case OP_JMP:
            stack[sp++] = (uint32_t)in->x;
            break;
        case OP_SPLIT:
            stack[sp++] = (uint32_t)in->x;
            stack[sp++] = (uint32_t)in->y;
            break;
        case OP_SAVE:
            stack[sp++] = pc + 1;
            break;
        default:
            out[no++] = pc;
        }
    }
    ru->first_pcs = out;
    ru->nfirst = no;
done:
    fa_free(&P->r->al, seen);
    fa_free(&P->r->al, stack);
    return rc;
}

static int add_seed(parser *P, phase *ph, uint64_t key, int ri, int32_t pc, int32_t from)
{
    size_t cap = ph->nseeds; /* grown one at a time: rules are few */
    struct seed_ent *ns = fa_realloc(&P->r->al, ph->seeds, (cap + 1) * sizeof *ns);
    if (!ns)
        return P->L.err = FACTA_ENOMEM;
    ph->seeds = ns;
    ph->seeds[ph->nseeds].key = key;
    ph->seeds[ph->nseeds].rule = ri;
    ph->seeds[ph->nseeds].pc = pc;
    ph->seeds[ph->nseeds].from = from;
    ph->nseeds++;
    return 0;
}

/* How a rule is seeded, from the instructions it can begin with: words and lexicons a first
 * test requires (pred_keys), @LEX and <TYPE> are keys looked up per token; any other first
 * test makes the rule "generic", tried wherever its first token's class fits. */
/* Keys a token must have for the test to pass: a word (P_WORD) or a lexicon (P_IN), through
 * AND (either side's keys suffice) and OR (both sides need keys). 0 when there are none. */
static int pred_keys(const facta_rules *r, int id, uint64_t *keys, int *n, int max)
{
    const pred *p = &r->preds[id];
    int save = *n;
    switch (p->op) {
    case P_WORD:
    case P_IN:
        if (*n >= max)
            return 0;
        keys[(*n)++] = p->op == P_WORD ? p->hash & ~(3ull << 62) : KEY_LEX(p->lex);
        return 1;
    case P_AND:
        if (pred_keys(r, p->a, keys, n, max))
            return 1;
        *n = save;
        if (pred_keys(r, p->b, keys, n, max))
            return 1;
        *n = save;
        return 0;
    case P_OR:
        if (pred_keys(r, p->a, keys, n, max) && pred_keys(r, p->b, keys, n, max))
            return 1;
        *n = save;
        return 0;
    default:
        return 0;
    }
}

static int seed_rule(parser *P, phase *ph, rule *ru, int idx)
{
    facta_rules *r = P->r;
    uint64_t keys[64];
    int32_t sure[64], from[64]; /* seed_ent.pc, seed_ent.from */
    int nk = 0, generic = 0;
    int plain = ru->after_pred < 0 && ru->notafter_pred < 0;
    ru->first_class[0] = ru->first_class[1] = 0;
    for (int i = 0; i < ru->nfirst; i++) {
        const inst *in = &ph->prog[ru->first_pcs[i]];
        uint64_t k[2] = {~0ull, ~0ull};
        if (in->op == OP_TOK)
            pred_classes(r, in->x, k);
        ru->first_class[0] |= k[0];
        ru->first_class[1] |= k[1];
        if (in->op == OP_TOK) {
            int save = nk;
            if (!pred_keys(r, in->x, keys, &nk, 64))
                generic = 1;
            for (int j = save; j < nk; j++) { /* the test passing is enough */
                sure[j] = plain ? (int32_t)ru->first_pcs[i] : -1;
                from[j] = (int32_t)ru->first_pcs[i];
            }
        } else if ((in->op == OP_LEX || in->op == OP_REC) && nk < 64) {
            sure[nk] = plain && (in->op == OP_REC || (in->y < 0 && in->z < 0)) ? (int32_t)ru->first_pcs[i] : -1;
            from[nk] = (int32_t)ru->first_pcs[i];
            keys[nk++] = in->op == OP_LEX ? KEY_LEX(in->x) : KEY_REC(in->x);
        } else {
            generic = 1;
        }
    }
    ru->first_generic = generic;
    ru->first_pred = -1;
    if (ru->nfirst == 1 && ph->prog[ru->first_pcs[0]].op == OP_TOK && ru->after_pred < 0 &&
        ru->notafter_pred < 0)
        ru->first_pred = ph->prog[ru->first_pcs[0]].x;
    if (generic) {
        int *ng = fa_realloc(&r->al, ph->generic, (size_t)(ph->ngeneric + 1) * sizeof(int));
        if (!ng)
            return P->L.err = FACTA_ENOMEM;
        ph->generic = ng;
        ph->generic[ph->ngeneric++] = idx;
        return 0;
    }
    for (int i = 0; i < nk; i++)
        if (add_seed(P, ph, keys[i], idx, sure[i], from[i]))
            return P->L.err;
    return 0;
}

static phase *get_phase(parser *P, int number)
{
    facta_rules *r = P->r;
    for (int i = 0; i < r->nphases; i++)
        if (r->phases[i].number == number)
            return &r->phases[i];
    size_t c = (size_t)r->phases_cap;
    if (FA_GROW(&r->al, r->phases, c, (size_t)r->nphases + 1)) {
        P->L.err = FACTA_ENOMEM;
        return NULL;
    }
    r->phases_cap = (int)c;
    phase *ph = &r->phases[r->nphases++];
    memset(ph, 0, sizeof *ph);
    ph->number = number;
    return ph;
}


/* ---- actions ---- */

static const char *FUNCS[] = {"text", "lower", "upper", "title", "concat", "join", "canon",
                              "tag", "norm", "number", "lemma", "nominative", "name",
                              "surname", "patronymic", "first", "if", "part", "same", NULL};

static int new_expr(parser *P, int kind)
{
    facta_rules *r = P->r;
    if (FA_GROW(&r->al, r->exprs, r->exprs_cap, r->nexprs + 1)) {
        P->L.err = FACTA_ENOMEM;
        return -1;
    }
    expr *e = &r->exprs[r->nexprs];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->cap = -1;
    return (int)r->nexprs++;
}

static int parse_expr(parser *P)
{
    lexer *L = &P->L;
    if (L->t == T_STRING || L->t == T_NUMBER) {
        int id = new_expr(P, E_STR);
        if (id < 0)
            return -1;
        P->r->exprs[id].str = arena_strndup(&P->r->pool, L->sval.data ? L->sval.data : "", L->sval.len);
        lx_next(L);
        return P->r->exprs[id].str ? id : (P->L.err = FACTA_ENOMEM, -1);
    }
    if (is_p(L, '$')) {
        lx_next(L);
        if (L->t != T_IDENT) {
            lx_error(L, "expected a capture name after '$'");
            return -1;
        }
        int slot = -1;
        for (int i = 0; i < P->ncaps; i++)
            if (strcmp(P->caps[i], fbuf_cstr(&L->sval)) == 0)
                slot = i;
        if (slot < 0) {
            lx_error(L, "unknown capture '$%s'", fbuf_cstr(&L->sval));
            return -1;
        }
        lx_next(L);
        int id = new_expr(P, E_CAP);
        if (id >= 0)
            P->r->exprs[id].cap = slot;
        return id;
    }
    if (is_p(L, '.')) {
        lx_next(L);
        if (L->t != T_IDENT) {
            lx_error(L, "expected an attribute name after '.'");
            return -1;
        }
        int id = new_expr(P, E_CAP);
        if (id < 0)
            return -1;
        P->r->exprs[id].cap = -2; /* attribute reference */
        P->r->exprs[id].str = arena_strndup(&P->r->pool, L->sval.data, L->sval.len);
        lx_next(L);
        return id;
    }
    if (L->t == T_IDENT) {
        int fn = -1;
        for (int i = 0; FUNCS[i]; i++)
            if (strcmp(FUNCS[i], fbuf_cstr(&L->sval)) == 0)
                fn = i;
        if (fn < 0) {
            lx_error(L, "unknown function '%s'", fbuf_cstr(&L->sval));
            return -1;
        }
        lx_next(L);
        if (expect_p(L, '('))
            return -1;
        if (P->depth >= FACTA__MAX_NESTING) {
            lx_error(L, "function calls nested deeper than %d", FACTA__MAX_NESTING);
            return -1;
        }
        int args[16], na = 0;
        while (!is_p(L, ')')) {
            if (na == 16) {
                lx_error(L, "too many arguments");
                return -1;
            }
            P->depth++;
            args[na] = parse_expr(P);
            P->depth--;
            if (args[na] < 0)
                return -1;
            na++;
            if (is_p(L, ','))
                lx_next(L);
            else if (!is_p(L, ')')) {
                lx_error(L, "expected ',' or ')'");
                return -1;
            }
        }
        lx_next(L);
        int id = new_expr(P, E_CALL);
        if (id < 0)
            return -1;
        expr *e = &P->r->exprs[id];
        e->fn = fn;
        e->nargs = na;
        e->args = arena_alloc(&P->r->pool, (size_t)(na ? na : 1) * sizeof(int));
        if (!e->args)
            return P->L.err = FACTA_ENOMEM, -1;
        memcpy(e->args, args, (size_t)na * sizeof(int));
        return id;
    }
    lx_error(L, "expected an expression ($capture, \"text\", function(...))");
    return -1;
}

static int parse_emits(parser *P, rule *ru)
{
    lexer *L = &P->L;
    emit es[8];
    int ne = 0;
    while (L->t == T_IDENT) {
        if (ne == 8) {
            lx_error(L, "at most 8 records per rule");
            return -1;
        }
        emit *e = &es[ne];
        memset(e, 0, sizeof *e);
        e->span_cap = -1;
        e->type = rules_type_id(P->r, L->sval.data, L->sval.len);
        if (e->type < 0 || rules_note_type_phase(P->r, e->type, P->phase))
            return P->L.err = FACTA_ENOMEM, -1;
        lx_next(L);
        assign as[32];
        int na = 0;
        if (is_p(L, '{')) {
            lx_next(L);
            while (!is_p(L, '}')) {
                if (L->t != T_IDENT) {
                    lx_error(L, "expected an attribute name");
                    return -1;
                }
                if (na == 32) {
                    lx_error(L, "at most 32 attributes per record");
                    return -1;
                }
                char key[64];
                snprintf(key, sizeof key, "%s", fbuf_cstr(&L->sval));
                lx_next(L);
                if (expect_p(L, '='))
                    return -1;
                if (strcmp(key, "span") == 0) {
                    if (!is_p(L, '$')) {
                        lx_error(L, "span takes a capture: span = $name");
                        return -1;
                    }
                    int x = parse_expr(P);
                    if (x < 0)
                        return -1;
                    e->span_cap = P->r->exprs[x].cap;
                } else {
                    as[na].key = arena_strndup(&P->r->pool, key, strlen(key));
                    as[na].expr = parse_expr(P);
                    if (as[na].expr < 0)
                        return -1;
                    na++;
                }
                if (is_p(L, ','))
                    lx_next(L);
                else if (!is_p(L, '}')) {
                    lx_error(L, "expected ',' or '}'");
                    return -1;
                }
            }
            lx_next(L);
        }
        e->nas = na;
        e->as = arena_alloc(&P->r->pool, (size_t)(na ? na : 1) * sizeof *e->as);
        if (!e->as)
            return P->L.err = FACTA_ENOMEM, -1;
        memcpy(e->as, as, (size_t)na * sizeof *as);
        ne++;
    }
    if (ne == 0) {
        lx_error(L, "expected a record type after '=>'");
        return -1;
    }
    ru->emits = arena_alloc(&P->r->pool, (size_t)ne * sizeof *ru->emits);
    if (!ru->emits)
        return P->L.err = FACTA_ENOMEM, -1;
    memcpy(ru->emits, es, (size_t)ne * sizeof *es);
    ru->nemits = ne;
    return 0;
}

/* ---- statements ---- */

typedef struct file_data {
    char *data;
    size_t len;
    int owned;
} file_data;

/* Read a file named relative to the rule file's directory, or from the embedded set, or
 * (for a pack) from the pack. `record`: keep it for packs (an endings table) or only stamp
 * it (a lexicon file, whose compiled form the pack holds). */
static int read_rel(parser *P, const char *name, file_data *fd, int record)
{
    char path[1024];
    const char *key = path;
    memset(fd, 0, sizeof *fd);
    int embedded = P->dir && strncmp(P->dir, "<default>", 9) == 0;
    if (embedded) {
        const char *sub = P->dir + 9;
        snprintf(path, sizeof path, "<default>/%s%s%s", *sub ? sub + 1 : "", *sub ? "/" : "",
                 name);
        key = path + 10;
    } else if (name[0] == '/' || !P->dir || !*P->dir) {
        snprintf(path, sizeof path, "%s", name);
    } else {
        snprintf(path, sizeof path, "%s/%s", P->dir, name);
    }
    const char *data;
    size_t len;
    if (P->r->pack) {
        if (rules_pack_file(P->r, path, &data, &len)) {
            fd->data = (char *)data;
            fd->len = len;
            return 0;
        }
        lx_error(&P->L, "rule pack has no file '%s'", path);
        return FACTA_ESYNTAX;
    }
    if (embedded) {
        size_t i = 0;
        while (i < facta__embedded_rules_count && strcmp(facta__embedded_rules[i].path, key) != 0)
            i++;
        if (i == facta__embedded_rules_count) {
            lx_error(&P->L, "no built-in file '%s'", key);
            return FACTA_ESYNTAX;
        }
        fd->data = (char *)facta__embedded_rules[i].data;
        fd->len = facta__embedded_rules[i].len;
    } else {
        char why[128];
        int rc = fa_read_file(&P->r->al, path, &fd->data, &fd->len, why, sizeof why);
        if (rc) {
            diag_set(P->L.diag, rc, P->L.file, P->L.tline, P->L.tcol, P->L.tpos,
                     "cannot read '%s': %s", path, why);
            return P->L.err = rc;
        }
        fd->owned = 1;
    }
    if (rules_note_input(P->r, path, NULL, fd->data, fd->len, 1, record)) {
        if (fd->owned)
            fa_free(&P->r->al, fd->data);
        return P->L.err = FACTA_ENOMEM;
    }
    return 0;
}

static void free_fd(parser *P, file_data *fd)
{
    if (fd->owned)
        fa_free(&P->r->al, fd->data);
}

static char *dup_path(parser *P, const char *name)
{
    char path[1024];
    if (P->dir && *P->dir && name[0] != '/')
        snprintf(path, sizeof path, "%s/%s", P->dir, name);
    else
        snprintf(path, sizeof path, "%s", name);
    return arena_strndup(&P->r->pool, path, strlen(path));
}

static int stmt_morphology(parser *P)
{
    lexer *L = &P->L;
    lx_next(L);
    if (L->t != T_STRING)
        return lx_error(L, "expected a file name after 'morphology'");
    char name[512];
    snprintf(name, sizeof name, "%s", fbuf_cstr(&L->sval));
    file_data fd;
    if (read_rel(P, name, &fd, 1))
        return L->err ? L->err : FACTA_EIO;
    char *path = dup_path(P, name);
    int rc = path ? morph_load(&P->r->morph, &P->r->al, fd.data, fd.len, path, L->diag)
                  : FACTA_ENOMEM;
    free_fd(P, &fd);
    if (rc)
        return L->err = rc;
    lx_next(L);
    return expect_p(L, ';');
}

/* One lexicon option: exact, or inflect [noun | given | surname] (the endings table rows
 * that generate its forms; default: nouns, and adjectives for adjective words). */
static int lex_option(parser *P, int lex)
{
    lexer *L = &P->L;
    lexicon *lx = &P->r->lexs[lex];
    if (is_kw(L, "exact")) {
        lx->inflect = 0;
    } else if (is_kw(L, "inflect")) {
        lx->inflect = M_NOUN | M_ADJ;
        lx_next(L);
        if (is_kw(L, "given"))
            lx->inflect = M_GIVEN;
        else if (is_kw(L, "surname"))
            lx->inflect = M_SURNAME;
        else if (is_kw(L, "noun"))
            lx->inflect = M_NOUN | M_ADJ;
        else
            return 0;
    } else {
        return lx_error(L, "unknown lexicon option '%s' (inflect [noun|given|surname], exact)",
                        fbuf_cstr(&L->sval));
    }
    lx_next(L);
    return 0;
}

static int inline_entries(parser *P, int lex, size_t b, size_t e);

static int stmt_lexicon(parser *P)
{
    lexer *L = &P->L;
    facta_rules *r = P->r;
    lx_next(L);
    if (L->t != T_IDENT)
        return lx_error(L, "expected a lexicon name");
    if (find_lex(r, fbuf_cstr(&L->sval)) >= 0)
        return lx_error(L, "lexicon '%s' is already defined", fbuf_cstr(&L->sval));
    size_t cap = (size_t)r->lexs_cap;
    if (FA_GROW(&r->al, r->lexs, cap, (size_t)r->nlexs + 1))
        return L->err = FACTA_ENOMEM;
    r->lexs_cap = (int)cap;
    int lex = r->nlexs;
    lexicon *lx = &r->lexs[lex];
    memset(lx, 0, sizeof *lx);
    lx->name = arena_strndup(&r->pool, L->sval.data, L->sval.len);
    if (!lx->name)
        return L->err = FACTA_ENOMEM;
    r->nlexs++;
    lx_next(L);
    if (L->t == T_STRING) {
        char name[512];
        snprintf(name, sizeof name, "%s", fbuf_cstr(&L->sval));
        size_t nline = L->tline, ncol = L->tcol, npos = L->tpos;
        lx_next(L);
        while (L->t == T_IDENT) {
            if (lex_option(P, lex))
                return L->err;
        }
        if (r->pack) /* the pack holds its entries */
            return expect_p(L, ';');
        size_t tl = L->tline, tc = L->tcol, tp = L->tpos;
        L->tline = nline, L->tcol = ncol, L->tpos = npos;
        file_data fd;
        if (read_rel(P, name, &fd, 0))
            return L->err ? L->err : FACTA_EIO;
        L->tline = tl, L->tcol = tc, L->tpos = tp;
        char *path = dup_path(P, name);
        int rc = path ? lex_add_file(r, P->cc, lex, fd.data, fd.len, path, L->diag) : FACTA_ENOMEM;
        free_fd(P, &fd);
        if (rc)
            return L->err = rc;
        return expect_p(L, ';');
    }
    if (is_kw(L, "icu")) {
        lx_next(L);
        if (!is_kw(L, "countries"))
            return lx_error(L, "expected 'countries' after 'icu'");
        r->lexs[lex].inflect = M_NOUN | M_ADJ;
        static const char icu[] = "icu countries " U_ICU_VERSION;
        int rc = r->pack ? 0
                         : rules_note_input(r, "<icu>", NULL, icu, sizeof icu - 1, 0, 0)
                               ? FACTA_ENOMEM
                               : lex_add_icu_countries(r, P->cc, lex);
        if (rc)
            return L->err = rc;
        lx_next(L);
        return expect_p(L, ';');
    }
    while (L->t == T_IDENT) {
        if (lex_option(P, lex))
            return L->err;
    }
    if (!is_p(L, '{'))
        return lx_error(L, "expected a file name, 'icu countries' or '{ entries }'");
    /* inline entries: raw text up to the matching '}', one entry per line or ';' */
    size_t b = L->pos, e = b;
    while (e < L->len && L->src[e] != '}')
        e++;
    if (e >= L->len)
        return lx_error(L, "unterminated inline lexicon (missing '}')");
    if (!r->pack && inline_entries(P, lex, b, e))
        return L->err;
    for (size_t i = b; i < e; i++)
        if (L->src[i] == '\n') {
            L->line++;
            L->line_start = i + 1;
        }
    L->pos = e + 1;
    lx_next(L);
    if (is_p(L, ';'))
        lx_next(L);
    return L->err;
}

/* Inline entries src[b, e) of lexicon `lex`, one per line or ';'. */
static int inline_entries(parser *P, int lex, size_t b, size_t e)
{
    lexer *L = &P->L;
    facta_rules *r = P->r;
    fbuf tmp;
    fbuf_init(&tmp, &r->al);
    for (size_t i = b; i < e; i++)
        fbuf_putc(&tmp, L->src[i] == ';' ? '\n' : L->src[i]);
    if (tmp.oom) {
        fbuf_free(&tmp);
        return L->err = FACTA_ENOMEM;
    }
    /* diagnostics for inline entries point at the rule file, offset by the starting line */
    facta_diag d2;
    memset(&d2, 0, sizeof d2);
    int rc = lex_add_file(r, P->cc, lex, tmp.data ? tmp.data : "", tmp.len, L->file, &d2);
    fbuf_free(&tmp);
    if (rc) {
        if (L->diag) {
            /* d2 located the error inside the block: move it to the rule file's lines */
            size_t line = L->line + (d2.line ? d2.line - 1 : 0);
            const char *msg = d2.message;
            for (int k = 0; k < 3 && d2.line; k++) { /* skip "name:line:col: " */
                const char *c = strchr(msg, ':');
                if (!c)
                    break;
                msg = c + 1;
            }
            while (*msg == ' ')
                msg++;
            diag_set(L->diag, rc, L->file, line, d2.column, b, "%s", msg);
        }
        return L->err = rc;
    }
    return 0;
}

static int stmt_define(parser *P)
{
    lexer *L = &P->L;
    lx_next(L);
    if (L->t != T_IDENT)
        return lx_error(L, "expected a pattern name after 'define'");
    char name[64];
    snprintf(name, sizeof name, "%s", fbuf_cstr(&L->sval));
    for (int i = 0; i < P->ndefs; i++)
        if (strcmp(P->defs[i].name, name) == 0)
            return lx_error(L, "pattern '%s' is already defined", name);
    lx_next(L);
    if (expect_p(L, '='))
        return L->err;
    int saved = P->ncaps;
    node *ast = parse_alt(P);
    if (!ast)
        return L->err ? L->err : lx_error(L, "bad pattern");
    if (P->ncaps != saved)
        return lx_error(L, "captures are not allowed inside 'define' (capture the reference)");
    size_t cap = (size_t)P->defs_cap;
    if (FA_GROW(&P->r->al, P->defs, cap, (size_t)P->ndefs + 1))
        return L->err = FACTA_ENOMEM;
    P->defs_cap = (int)cap;
    P->defs[P->ndefs].name = arena_strndup(&P->ast, name, strlen(name));
    P->defs[P->ndefs].ast = ast;
    if (!P->defs[P->ndefs].name)
        return L->err = FACTA_ENOMEM;
    P->ndefs++;
    return expect_p(L, ';');
}

static int stmt_rule(parser *P, int is_reject)
{
    lexer *L = &P->L;
    facta_rules *r = P->r;
    size_t line = L->tline;
    lx_next(L);
    if (L->t != T_IDENT)
        return lx_error(L, "expected a rule name");
    char name[128];
    snprintf(name, sizeof name, "%s", fbuf_cstr(&L->sval));
    lx_next(L);
    size_t rc_ = (size_t)r->rules_cap;
    if (FA_GROW(&r->al, r->rules, rc_, (size_t)r->nrules + 1))
        return L->err = FACTA_ENOMEM;
    r->rules_cap = (int)rc_;
    rule ru;
    memset(&ru, 0, sizeof ru);
    ru.name = arena_strndup(&r->pool, name, strlen(name));
    ru.file = arena_strndup(&r->pool, L->file, strlen(L->file));
    /* the label goes into records: the file name as valid UTF-8 (a path may be any bytes;
     * bug: a byte-limited copy could also cut a character), at most 300 bytes of it */
    fbuf lb;
    fbuf_init(&lb, &r->al);
    const unsigned char *fn = (const unsigned char *)L->file;
    size_t fnl = strlen(L->file);
    for (size_t i = 0; i < fnl && lb.len < 300;) {
        size_t k = utf8_seq_len(fn, fnl, i);
        if (k && lb.len + k <= 300)
            fbuf_put(&lb, L->file + i, k);
        else if (!k)
            utf8_put(&lb, 0xFFFD);
        i += k ? k : 1;
        if (k && lb.len + k > 300)
            break;
    }
    fbuf_printf(&lb, ":%zu %s", line, name);
    ru.label = lb.oom ? NULL : arena_strndup(&r->pool, lb.data, lb.len);
    fbuf_free(&lb);
    ru.line = (uint32_t)line;
    ru.phase = P->phase;
    ru.is_reject = is_reject;
    ru.target_cap = -1;
    ru.after_pred = ru.notafter_pred = -1;
    ru.free_pred = -1;
    ru.free_pc = UINT32_MAX;
    if (!ru.name || !ru.file || !ru.label)
        return L->err = FACTA_ENOMEM;
    int types[16], nt = 0;
    if (is_reject && is_p(L, '(')) {
        lx_next(L);
        while (L->t == T_IDENT) {
            if (nt == 16)
                return lx_error(L, "too many types");
            types[nt] = rules_type_id(r, L->sval.data, L->sval.len);
            if (types[nt++] < 0)
                return L->err = FACTA_ENOMEM;
            lx_next(L);
            if (is_p(L, ','))
                lx_next(L);
        }
        if (expect_p(L, ')'))
            return L->err;
    }
    while (L->t == T_IDENT) {
        if (is_kw(L, "after") || is_kw(L, "notafter")) {
            int neg = is_kw(L, "notafter");
            lx_next(L);
            if (expect_p(L, '['))
                return L->err;
            int pid = parse_test(P);
            if (pid < 0 || expect_p(L, ']'))
                return L->err ? L->err : FACTA_ESYNTAX;
            if (neg)
                ru.notafter_pred = pid;
            else
                ru.after_pred = pid;
            continue;
        }
        if (is_reject)
            return lx_error(L, "unknown reject option '%s' (after [test], notafter [test])",
                            fbuf_cstr(&L->sval));
        if (is_kw(L, "priority")) {
            lx_next(L);
            int neg = 0;
            if (is_p(L, '-')) {
                neg = 1;
                lx_next(L);
            }
            if (L->t != T_NUMBER)
                return lx_error(L, "expected a number after 'priority'");
            ru.priority = neg ? -(int)L->num : (int)L->num;
        } else if (is_kw(L, "overlap")) {
            ru.overlap = 1;
        } else {
            return lx_error(L, "unknown rule option '%s' (priority N, overlap, after [test], "
                               "notafter [test])", fbuf_cstr(&L->sval));
        }
        lx_next(L);
    }
    if (expect_p(L, ':'))
        return L->err;
    P->ncaps = 0;
    node *ast = parse_alt(P);
    if (!ast)
        return L->err ? L->err : lx_error(L, "bad pattern");
    if (nullable(ast))
        return lx_error(L, "the pattern of '%s' can match an empty sequence", name);
    if (!is_reject) {
        if (L->t != T_ARROW)
            return lx_error(L, "expected '=>' and a record type");
        lx_next(L);
        if (parse_emits(P, &ru))
            return L->err;
    } else {
        for (int i = 0; i < P->ncaps; i++)
            if (strcmp(P->caps[i], "target") == 0)
                ru.target_cap = i;
        if (nt) {
            ru.reject_types = arena_alloc(&r->pool, (size_t)nt * sizeof(int));
            if (!ru.reject_types)
                return L->err = FACTA_ENOMEM;
            memcpy(ru.reject_types, types, (size_t)nt * sizeof(int));
            ru.nreject_types = nt;
        }
    }
    if (expect_p(L, ';'))
        return L->err;
    ru.ncaps = P->ncaps;
    ru.capnames = arena_alloc(&r->pool, (size_t)(P->ncaps ? P->ncaps : 1) * sizeof(char *));
    if (!ru.capnames)
        return L->err = FACTA_ENOMEM;
    if (P->ncaps)
        memcpy(ru.capnames, P->caps, (size_t)P->ncaps * sizeof(char *));
    phase *ph = get_phase(P, P->phase);
    if (!ph)
        return L->err;
    int idx = r->nrules;
    ru.root = (uint32_t)ph->nprog;
    if (compile_node(P, ph, ast) || emit_inst(P, ph, OP_MATCH, idx, 0, 0) < 0)
        return L->err ? L->err : FACTA_ENOMEM;
    if (first_pcs(P, ph, &ru) || seed_rule(P, ph, &ru, idx))
        return L->err ? L->err : FACTA_ENOMEM;
    int *nr = fa_realloc(&r->al, ph->rules, (size_t)(ph->nrules + 1) * sizeof(int));
    if (!nr)
        return L->err = FACTA_ENOMEM;
    ph->rules = nr;
    ph->rules[ph->nrules++] = idx;
    if (P->ncaps > ph->maxcaps)
        ph->maxcaps = P->ncaps;
    r->rules[r->nrules++] = ru;
    P->last_rule = idx;
    return 0;
}

static int stmt_example(parser *P, int counter)
{
    lexer *L = &P->L;
    facta_rules *r = P->r;
    size_t line = L->tline;
    lx_next(L);
    if (L->t != T_STRING)
        return lx_error(L, "expected the example text in quotes");
    if (FA_GROW(&r->al, r->examples, r->examples_cap, r->nexamples + 1))
        return L->err = FACTA_ENOMEM;
    example *ex = &r->examples[r->nexamples];
    memset(ex, 0, sizeof *ex);
    ex->counter = counter;
    ex->line = (uint32_t)line;
    ex->file = arena_strndup(&r->pool, L->file, strlen(L->file));
    ex->text = arena_strndup(&r->pool, L->sval.data ? L->sval.data : "", L->sval.len);
    ex->rule = P->last_rule >= 0 ? r->rules[P->last_rule].name : NULL;
    if (!ex->file || !ex->text)
        return L->err = FACTA_ENOMEM;
    lx_next(L);
    if (L->t == T_ARROW) {
        lx_next(L);
        if (L->t != T_IDENT)
            return lx_error(L, "expected a record type after '=>'");
        ex->type = arena_strndup(&r->pool, L->sval.data, L->sval.len);
        lx_next(L);
        if (L->t == T_STRING) {
            ex->norm = arena_strndup(&r->pool, L->sval.data ? L->sval.data : "", L->sval.len);
            lx_next(L);
        }
    } else {
        return lx_error(L, counter ? "expected '=>' and the record type that must not appear"
                                   : "expected '=>' and the record type the example gives");
    }
    r->nexamples++;
    return expect_p(L, ';');
}

int rules_add_source(facta_rules *r, const char *src, size_t len, const char *name,
                     const char *dir, facta_diag *diag)
{
    parser P;
    memset(&P, 0, sizeof P);
    P.r = r;
    P.dir = dir;
    P.phase = 1;
    P.last_rule = -1;
    P.no_jit = r->no_jit;
    P.L.src = src;
    P.L.len = len;
    P.L.line = 1;
    P.L.file = name ? name : "<string>";
    P.L.diag = diag;
    arena_init(&P.ast, &r->al);
    fbuf_init(&P.L.sval, &r->al);
    cctx cc;
    memset(&cc, 0, sizeof cc);
    arena_init(&cc.scratch, &r->al);
    fbuf_init(&cc.buf, &r->al);
    P.cc = &cc;
    int rc = rules_note_input(r, P.L.file, dir, src, len, 0, 1);
    if (!rc)
        rc = tok_new(&cc.tk, &r->al);
    if (rc) {
        diag_set(diag, rc, P.L.file, 0, 0, 0, "%s", facta_strerror(rc));
        goto done;
    }
    size_t bad;
    if (!facta_utf8_valid(src, len, &bad)) {
        size_t line = 1, ls = 0;
        for (size_t i = 0; i < bad; i++)
            if (src[i] == '\n')
                line++, ls = i + 1;
        diag_set(diag, FACTA_ESYNTAX, P.L.file, line, utf8_count(src + ls, bad - ls) + 1, bad,
                 "invalid UTF-8 (byte 0x%02x)", (unsigned char)src[bad]);
        rc = FACTA_ESYNTAX;
        goto done;
    }
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        P.L.pos = 3;
    lx_next(&P.L);
    while (!P.L.err && P.L.t != T_EOF) {
        lexer *L = &P.L;
        if (is_kw(L, "morphology"))
            stmt_morphology(&P);
        else if (is_kw(L, "lexicon"))
            stmt_lexicon(&P);
        else if (is_kw(L, "define"))
            stmt_define(&P);
        else if (is_kw(L, "rule"))
            stmt_rule(&P, 0);
        else if (is_kw(L, "reject"))
            stmt_rule(&P, 1);
        else if (is_kw(L, "example"))
            stmt_example(&P, 0);
        else if (is_kw(L, "counter"))
            stmt_example(&P, 1);
        else if (is_kw(L, "phase")) {
            lx_next(L);
            if (L->t != T_NUMBER) {
                lx_error(L, "expected a phase number");
                break;
            }
            P.phase = (int)L->num;
            lx_next(L);
            expect_p(L, ';');
        } else if (L->t == T_IDENT) {
            lx_error(L, "unknown statement '%s' (expected morphology, lexicon, define, phase, "
                        "rule, reject, example, counter)", fbuf_cstr(&L->sval));
        } else {
            lx_error(L, "expected a statement, found %s", tdesc(L));
        }
    }
    rc = P.L.err;
    if (rc == FACTA_ENOMEM)
        diag_set(diag, rc, P.L.file, 0, 0, 0, "out of memory");
done:
    tok_free(cc.tk);
    arena_free(&cc.scratch);
    fbuf_free(&cc.buf);
    fbuf_free(&P.L.sval);
    arena_free(&P.ast);
    fa_free(&r->al, P.defs);
    fa_free(&r->al, P.caps);
    return rc;
}

static int cmp_seed(const void *a, const void *b)
{
    const struct seed_ent *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule - y->rule;
    return x->pc - y->pc;
}

/* Rules by conflict order: higher priority, then earlier (ranks for match.c's sort). */
typedef struct rule_prio { int priority, index; } rule_prio;

static int cmp_rule_prio(const void *a, const void *b)
{
    const rule_prio *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int rule_ranks(facta_rules *r)
{
    size_t n = (size_t)r->nrules;
    rule_prio *v = fa_malloc(&r->al, (n + 1) * sizeof *v);
    if (!v)
        return FACTA_ENOMEM;
    for (size_t i = 0; i < n; i++)
        v[i] = (rule_prio){r->rules[i].priority, (int)i};
    qsort(v, n, sizeof *v, cmp_rule_prio);
    for (size_t k = 0; k < n; k++)
        r->rules[v[k].index].rank = (uint32_t)k;
    fa_free(&r->al, v);
    return 0;
}

static int cmp_phase(const void *a, const void *b)
{
    return ((const phase *)a)->number - ((const phase *)b)->number;
}

/* Costs for ordering AND/OR: children are always created before their parents. */
static void pred_costs(facta_rules *r)
{
    for (size_t i = 0; i < r->npreds; i++) {
        pred *p = &r->preds[i];
        switch (p->op) {
        case P_AND:
        case P_OR:
            p->cost = r->preds[p->a].cost + r->preds[p->b].cost;
            if (r->preds[p->b].cost < r->preds[p->a].cost) { /* cheaper side first */
                int t = p->a;
                p->a = p->b;
                p->b = t;
            }
            break;
        case P_NOT:
            p->cost = r->preds[p->a].cost;
            break;
        case P_RE:
        case P_FRE:
            p->cost = 20;
            break;
        case P_MORPH:
            p->cost = 6;
            break;
        case P_IN:
            p->cost = p->tag >= 0 ? 4 : 1;
            break;
        case P_WORD:
        case P_STEM:
        case P_FORM:
        case P_PREFIX:
        case P_SUFFIX:
            p->cost = 2;
            break;
        default:
            p->cost = 1;
        }
    }
}

/* ---- flattened tests (see pred in rules.h) ---- */

#define FLAT_MAX_RES 32 /* a longer residual list becomes the test itself */

/* Only a class test: its class set is exact. */
static int flat_class_only(const pred *p)
{
    return !p->f_lex_all && !p->f_lex_none && !p->f_lex_some && !p->f_flag_all &&
           !p->f_flag_none && !p->f_len && !p->f_cap && !p->f_nres;
}

/* Only "in one of these lexicons": the lexicon bits, else 0. */
static uint64_t flat_lex_some_only(const pred *p)
{
    if (~p->f_cls[0] || ~p->f_cls[1] || p->f_lex_none || p->f_flag_all || p->f_flag_none ||
        p->f_len || p->f_cap || p->f_nres)
        return 0;
    if (p->f_lex_all && !p->f_lex_some && !(p->f_lex_all & (p->f_lex_all - 1)))
        return p->f_lex_all; /* one lexicon */
    if (!p->f_lex_all && p->f_lex_some)
        return p->f_lex_some;
    return 0;
}

/* Only one flag required: the flag, else 0. */
static uint32_t flat_flag_only(const pred *p)
{
    if (~p->f_cls[0] || ~p->f_cls[1] || p->f_lex_all || p->f_lex_none || p->f_lex_some ||
        p->f_flag_none || p->f_len || p->f_cap || p->f_nres)
        return 0;
    return p->f_flag_all && !(p->f_flag_all & (p->f_flag_all - 1)) ? p->f_flag_all : 0;
}

static int flat_res_add(const facta_rules *r, int *res, int *n, int id)
{
    if (*n >= FLAT_MAX_RES)
        return 0;
    int k = (*n)++; /* by cost, stable */
    while (k > 0 && r->preds[res[k - 1]].cost > r->preds[id].cost) {
        res[k] = res[k - 1];
        k--;
    }
    res[k] = id;
    return 1;
}

/* Children are always created before their parents: one pass in id order. */
static int pred_flatten(facta_rules *r)
{
    for (size_t i = 0; i < r->npreds; i++) {
        pred *p = &r->preds[i];
        int res[FLAT_MAX_RES], nres = 0, self = 0;
        p->f_cls[0] = p->f_cls[1] = ~0ull;
        p->f_lex_all = p->f_lex_none = p->f_lex_some = 0;
        p->f_flag_all = p->f_flag_none = 0;
        p->f_len_lo = INT32_MIN;
        p->f_len_hi = INT32_MAX;
        p->f_len = p->f_cap = p->f_cache = 0;
        switch (p->op) {
        case P_TRUE:
            break;
        case P_KIND:
        case P_SCRIPT:
        case P_SHAPE:
            p->f_cls[0] = p->f_cls[1] = 0;
            for (unsigned c = 0; c < 128; c++) { /* every code decodes: kind, script, shape */
                int k = (int)(c / 24), sc = (int)(c % 24 / 6), sh = (int)(c % 6);
                int ok = p->op == P_KIND     ? k == p->a
                         : p->op == P_SCRIPT ? sc == p->a
                         : p->a >= 0         ? sh == p->a
                                             : (sh == FACTA_SHAPE_TITLE || sh == FACTA_SHAPE_UPPER ||
                                                sh == FACTA_SHAPE_INITIAL || sh == FACTA_SHAPE_MIXED);
                if (ok)
                    p->f_cls[c / 64] |= 1ull << (c % 64);
            }
            p->f_cap = p->op == P_SHAPE && p->a < 0;
            break;
        case P_IN:
            if (p->lex >= 0 && p->lex < 64) {
                p->f_lex_all = 1ull << p->lex;
                self = p->tag >= 0;
            } else {
                self = 1;
            }
            break;
        case P_SENT:
        case P_PARA:
        case P_SPACE:
            p->f_flag_all = p->op == P_SENT   ? FACTA_TOKEN_SENT_START
                            : p->op == P_PARA ? FACTA_TOKEN_PARA_START
                                              : FACTA_TOKEN_SPACE_BEFORE;
            break;
        case P_LEN:
            p->f_len = 1;
            p->f_len_lo = p->a;
            p->f_len_hi = p->b;
            break;
        case P_AND: {
            const pred *a = &r->preds[p->a], *b = &r->preds[p->b];
            p->f_cls[0] = a->f_cls[0] & b->f_cls[0];
            p->f_cls[1] = a->f_cls[1] & b->f_cls[1];
            p->f_lex_all = a->f_lex_all | b->f_lex_all;
            p->f_lex_none = a->f_lex_none | b->f_lex_none;
            p->f_flag_all = a->f_flag_all | b->f_flag_all;
            p->f_flag_none = a->f_flag_none | b->f_flag_none;
            p->f_len = a->f_len | b->f_len;
            p->f_len_lo = a->f_len_lo > b->f_len_lo ? a->f_len_lo : b->f_len_lo;
            p->f_len_hi = a->f_len_hi < b->f_len_hi ? a->f_len_hi : b->f_len_hi;
            p->f_cap = a->f_cap | b->f_cap;
            p->f_lex_some = a->f_lex_some;
            int ok = 1;
            for (int k = 0; k < a->f_nres && ok; k++)
                ok = flat_res_add(r, res, &nres, a->f_res[k]);
            for (int k = 0; k < b->f_nres && ok; k++)
                ok = flat_res_add(r, res, &nres, b->f_res[k]);
            if (ok && b->f_lex_some) {
                if (!p->f_lex_some)
                    p->f_lex_some = b->f_lex_some;
                else /* one "one of" mask: b is tested whole */
                    ok = flat_res_add(r, res, &nres, p->b);
            }
            if (!ok) { /* too many: the masks stay as a prefilter, the AND is tested whole */
                nres = 0;
                self = 1;
            }
            break;
        }
        case P_OR: {
            const pred *a = &r->preds[p->a], *b = &r->preds[p->b];
            uint64_t sa, sb;
            if (flat_class_only(a) && flat_class_only(b)) {
                p->f_cls[0] = a->f_cls[0] | b->f_cls[0];
                p->f_cls[1] = a->f_cls[1] | b->f_cls[1];
            } else if ((sa = flat_lex_some_only(a)) && (sb = flat_lex_some_only(b))) {
                p->f_lex_some = sa | sb;
            } else { /* the classes either side accepts, then the OR itself */
                p->f_cls[0] = a->f_cls[0] | b->f_cls[0];
                p->f_cls[1] = a->f_cls[1] | b->f_cls[1];
                self = 1;
            }
            break;
        }
        case P_NOT: {
            const pred *a = &r->preds[p->a];
            uint64_t s_;
            uint32_t f;
            if (flat_class_only(a)) {
                p->f_cls[0] = ~a->f_cls[0];
                p->f_cls[1] = ~a->f_cls[1];
            } else if ((s_ = flat_lex_some_only(a))) {
                p->f_lex_none = s_;
            } else if ((f = flat_flag_only(a))) {
                p->f_flag_none = f;
            } else {
                self = 1;
            }
            break;
        }
        case P_RE:
        case P_FRE:
            p->re_minlen = 0;
            p->re_first = NULL;
            if (p->re) {
                uint32_t ml = 0;
                const uint8_t *bm = NULL;
                if (pcre2_pattern_info(p->re, PCRE2_INFO_MINLENGTH, &ml) == 0)
                    p->re_minlen = ml;
                uint32_t ft = 0, fu = 0;
                if (pcre2_pattern_info(p->re, PCRE2_INFO_FIRSTBITMAP, &bm) == 0 && bm) {
                    p->re_first = bm;
                } else if (p->re_cased && pcre2_pattern_info(p->re, PCRE2_INFO_FIRSTCODETYPE, &ft) == 0 &&
                           ft == 1 && pcre2_pattern_info(p->re, PCRE2_INFO_FIRSTCODEUNIT, &fu) == 0 &&
                           fu < 256) {
                    /* one first byte, matched as it is (no caseless matching anywhere) */
                    uint8_t *one = arena_alloc(&r->pool, 32);
                    if (!one)
                        return FACTA_ENOMEM;
                    memset(one, 0, 32);
                    one[fu >> 3] = (uint8_t)(1u << (fu & 7));
                    p->re_first = one;
                }
            }
            self = 1;
            p->f_cache = 1;
            break;
        case P_MORPH:
        case P_STEM:
            self = 1;
            p->f_cache = 1;
            break;
        default:
            self = 1;
        }
        if (p->op == P_IN && self)
            p->f_cache = 1; /* scans the token's lexicon hits */
        if (self)
            res[nres++] = (int)i;
        p->f_nres = nres;
        p->f_more = p->f_len || p->f_cap || nres;
        p->f_res = NULL;
        if (nres) {
            p->f_res = arena_alloc(&r->pool, (size_t)nres * sizeof *p->f_res);
            if (!p->f_res)
                return FACTA_ENOMEM;
            memcpy(p->f_res, res, (size_t)nres * sizeof *res);
        }
    }
    return 0;
}

/* A generic rule's first instructions in two sets: the keyed ones (a word or lexicon its test
 * requires, an @LEX, a <TYPE>: seed_rule's keys) and the rest. cls gets the token classes the
 * rest can accept (their flattened class sets), keys the keys of the keyed ones; when there are
 * too many keys, all instructions count as the rest. At a token whose class is outside cls,
 * the rule can only start when one of its keys is there. */
static void gen_rule_split(const facta_rules *r, const phase *ph, const rule *ru, uint64_t cls[2],
                           uint64_t *keys, int *nk, int max)
{
    cls[0] = cls[1] = 0;
    *nk = 0;
    for (int i = 0; i < ru->nfirst; i++) {
        const inst *in = &ph->prog[ru->first_pcs[i]];
        if (in->op == OP_TOK) {
            int save = *nk;
            if (pred_keys(r, in->x, keys, nk, max))
                continue;
            *nk = save;
            cls[0] |= r->preds[in->x].f_cls[0];
            cls[1] |= r->preds[in->x].f_cls[1];
        } else if ((in->op == OP_LEX || in->op == OP_REC) && *nk < max) {
            keys[(*nk)++] = in->op == OP_LEX ? KEY_LEX(in->x) : KEY_REC(in->x);
        } else {
            cls[0] = cls[1] = ~0ull;
            *nk = 0;
            return;
        }
    }
}

/* Classes a generic rule's first token may have: first_class, and for a one-test start the
 * test's exact class set. */
static int gen_rule_takes(const facta_rules *r, const rule *ru, unsigned c)
{
    uint64_t bit = 1ull << (c % 64);
    if (!(ru->first_class[c / 64] & bit))
        return 0;
    return ru->first_pred < 0 || (r->preds[ru->first_pred].f_cls[c / 64] & bit);
}

/* The classes of the tokens test id may accept (pred_test): a word is decided by its hash
 * alone, so any class. */
static void test_classes(const facta_rules *r, int id, uint64_t cls[2])
{
    const pred *p = &r->preds[id];
    cls[0] = p->op == P_WORD ? ~0ull : p->f_cls[0];
    cls[1] = p->op == P_WORD ? ~0ull : p->f_cls[1];
}

/* Set in b (256 bits) the first bytes of the folded text of the tokens test id may accept:
 * a word's, a folded prefix's, those a regular expression allows (on the text as written,
 * folded: an ASCII byte folds to its lower case, '`' to '\'', and a non-ASCII character may
 * fold to anything). */
static void test_first_bytes(const facta_rules *r, int id, uint64_t b[4])
{
    const pred *p = &r->preds[id];
    uint64_t x[4], y[4];
    memset(b, 0xff, 4 * sizeof *b);
    switch (p->op) {
    case P_AND:
        test_first_bytes(r, p->a, x);
        test_first_bytes(r, p->b, y);
        for (int i = 0; i < 4; i++)
            b[i] = x[i] & y[i];
        return;
    case P_OR:
        test_first_bytes(r, p->a, x);
        test_first_bytes(r, p->b, y);
        for (int i = 0; i < 4; i++)
            b[i] = x[i] | y[i];
        return;
    case P_WORD:
    case P_PREFIX:
        if (p->len) {
            unsigned char c = (unsigned char)p->str[0];
            memset(b, 0, 4 * sizeof *b);
            b[c / 64] = 1ull << (c % 64);
        }
        return;
    case P_FRE:
    case P_RE:
        if (!p->re_first)
            return;
        memset(b, 0, 4 * sizeof *b);
        for (unsigned c = 0; c < 256; c++) {
            if (!((p->re_first[c >> 3] >> (c & 7)) & 1))
                continue;
            if (p->op == P_RE && c >= 0x80) {
                memset(b, 0xff, 4 * sizeof *b);
                return;
            }
            unsigned f = p->op == P_RE && c >= 'A' && c <= 'Z' ? c + 32 : c;
            b[f / 64] |= 1ull << (f % 64);
            if (p->op == P_RE && c == '`')
                b['\'' / 64] |= 1ull << ('\'' % 64);
        }
        return;
    default:
        return;
    }
}

/* The words (as bits hash & 63) a token must be one of to pass look lk, or all ones. */
static uint64_t look_words(const facta_rules *r, const phase *ph, const struct look *lk)
{
    if (lk->kind == LOOK_TOK && r->preds[lk->arg].op == P_WORD)
        return 1ull << (r->preds[lk->arg].hash & 63);
    if (lk->kind == LOOK_ALT && ph->look_alt[lk->arg].nwords == ph->look_alt[lk->arg].n)
        return ph->look_alt[lk->arg].words;
    return ~0ull;
}

/* phase.gen_any, gen_key and gen_ahead, and each generic rule's free_pred and anchor (after
 * phase_look: they use the rules' `ahead` tests). A generic rule with keys gets a "mark"
 * seed (rule -1 - index) for each of them, by which seed_slot tells seed it may start. */
static int gen_bits(facta_rules *r, phase *ph)
{
    ph->gen_words = 0;
    ph->gen_any = ph->gen_key = ph->gen_ahead[0] = ph->gen_ahead[1] = ph->gen_same = NULL;
    ph->gen_next[0] = ph->gen_next[1] = ph->gen_byte = NULL;
    if (!ph->ngeneric)
        return 0;
    size_t w = ((size_t)ph->ngeneric + 63) / 64;
    size_t rows = 128 + 128 + 130 + 130 + 65 + 65 + 257 + (size_t)ph->ngeneric;
    uint64_t *bits = arena_alloc(&r->pool, rows * w * sizeof *bits);
    if (!bits)
        return FACTA_ENOMEM;
    memset(bits, 0, rows * w * sizeof *bits);
    ph->gen_words = w;
    ph->gen_any = bits;
    ph->gen_key = bits + 128 * w;
    ph->gen_ahead[0] = bits + 256 * w;
    ph->gen_ahead[1] = bits + 386 * w;
    ph->gen_next[0] = bits + 516 * w;
    ph->gen_next[1] = bits + 581 * w;
    ph->gen_byte = bits + 646 * w;
    ph->gen_same = bits + 903 * w;
    for (int i = 0; i < ph->ngeneric; i++) {
        uint64_t keys[64], gcls[2];
        int nk, ri = ph->generic[i];
        rule *ru = &r->rules[ri];
        size_t wi = (size_t)i / 64;
        uint64_t bit = 1ull << (i % 64);
        gen_rule_split(r, ph, ru, gcls, keys, &nk, 64);
        if (nk) {
            struct seed_ent *ns = fa_realloc(&r->al, ph->seeds, (ph->nseeds + (size_t)nk) * sizeof *ns);
            if (!ns)
                return FACTA_ENOMEM;
            ph->seeds = ns;
            for (int k = 0; k < nk; k++) {
                ns[ph->nseeds].key = keys[k];
                ns[ph->nseeds].rule = -1 - i;
                ns[ph->nseeds].pc = -1;
                ns[ph->nseeds].from = -1;
                ph->nseeds++;
            }
        }
        /* a rule with keys is in gen_key wherever it may start: where gen_byte rules out
         * its unkeyed tests, a key still starts it */
        for (unsigned c = 0; c < 128; c++) {
            if (!gen_rule_takes(r, ru, c))
                continue;
            if (gcls[c / 64] & (1ull << (c % 64)))
                ph->gen_any[c * w + wi] |= bit;
            if (nk)
                ph->gen_key[c * w + wi] |= bit;
            /* neither: can_start cannot pass */
        }
        for (int k = 0; k < 2; k++) {
            uint64_t cls[2] = {~0ull, ~0ull}, words = ~0ull;
            int end_ok = k > ru->nahead; /* past the end: only a test never made */
            if (k < ru->nahead) {
                test_classes(r, ru->ahead[k], cls);
                if (r->preds[ru->ahead[k]].op == P_WORD)
                    words = 1ull << (r->preds[ru->ahead[k]].hash & 63);
            } else if (k == ru->nahead) { /* what start_generic's ahead_look_ok tests */
                const struct look *lk = &ru->ahead_look;
                if (lk->kind == LOOK_ALT && !ph->look_alt[lk->arg].nwords) {
                    cls[0] = ph->look_alt[lk->arg].cls[0];
                    cls[1] = ph->look_alt[lk->arg].cls[1];
                    /* a lexicon's phrase or a record may start at a token of any class */
                    if (ph->look_alt[lk->arg].lex || ph->look_alt[lk->arg].lex_any ||
                        ph->look_alt[lk->arg].rec)
                        cls[0] = cls[1] = ~0ull;
                } else if (lk->kind == LOOK_TOK) {
                    test_classes(r, (int)lk->arg, cls);
                }
                words = look_words(r, ph, lk);
                end_ok = lk->kind == LOOK_NONE;
            }
            for (unsigned c = 0; c < 130; c++)
                if (c >= 128 ? c == 128 || end_ok : (cls[c / 64] >> (c % 64)) & 1)
                    ph->gen_ahead[k][c * w + wi] |= bit;
            for (unsigned b = 0; b < 65; b++)
                if (b == 64 || ((words >> b) & 1))
                    ph->gen_next[k][b * w + wi] |= bit;
        }
        {
            /* the first bytes the unkeyed first tests may accept (gen_rule_split's rest) */
            uint64_t fb[4] = {0, 0, 0, 0};
            for (int f = 0; f < ru->nfirst; f++) {
                const inst *in = &ph->prog[ru->first_pcs[f]];
                uint64_t kk[64], tb[4];
                int n = 0;
                if (nk && (in->op == OP_LEX || in->op == OP_REC ||
                           (in->op == OP_TOK && pred_keys(r, in->x, kk, &n, 64))))
                    continue; /* keyed: a mark starts the rule (gen_key) */
                if (in->op == OP_TOK)
                    test_first_bytes(r, in->x, tb);
                else
                    memset(tb, 0xff, sizeof tb);
                for (int j = 0; j < 4; j++)
                    fb[j] |= tb[j];
            }
            for (unsigned b = 0; b < 257; b++)
                if (b == 256 || ((fb[b / 64] >> (b % 64)) & 1))
                    ph->gen_byte[b * w + wi] |= bit;
        }
        /* the one unkeyed first test, when the keyed ones are known not to pass */
        ru->free_pred = -1;
        ru->free_pc = UINT32_MAX;
        int nfree = 0;
        for (int f = 0; nk && f < ru->nfirst; f++) {
            const inst *in = &ph->prog[ru->first_pcs[f]];
            uint64_t kk[64];
            int n = 0;
            if (in->op == OP_TOK && pred_keys(r, in->x, kk, &n, 64))
                continue; /* keyed */
            if (in->op == OP_LEX || in->op == OP_REC)
                continue; /* keyed */
            nfree++;
            if (in->op == OP_TOK) {
                ru->free_pred = in->x;
                ru->free_pc = ru->first_pcs[f];
            }
        }
        if (nfree != 1 || ru->after_pred >= 0 || ru->notafter_pred >= 0) {
            ru->free_pred = -1;
            ru->free_pc = UINT32_MAX;
        }
        ru->anchor = 0;
        ru->anchor_hash = 0;
        ph->gen_same[(size_t)i * w + wi] |= bit;
        for (int k = 0; k < ru->nahead && !ru->anchor; k++)
            if (r->preds[ru->ahead[k]].op == P_WORD) {
                ru->anchor = k + 1;
                ru->anchor_hash = r->preds[ru->ahead[k]].hash;
            }
    }
    for (int i = 0; i < ph->ngeneric; i++) {
        const rule *ru = &r->rules[ph->generic[i]];
        int p = ru->first_pred >= 0 ? ru->first_pred : ru->free_pred;
        for (int j = 0; p >= 0 && j < ph->ngeneric; j++)
            if (r->rules[ph->generic[j]].first_pred == p)
                ph->gen_same[(size_t)i * w + (size_t)j / 64] |= 1ull << (j % 64);
    }
    return 0;
}

/* The instruction reached from pc through saves and jumps alone, or SIZE_MAX. */
static size_t look_pc(const phase *ph, size_t pc)
{
    for (int hops = 0; pc < ph->nprog && hops < 64; hops++) {
        const inst *in = &ph->prog[pc];
        if (in->op == OP_SAVE)
            pc++;
        else if (in->op == OP_JMP)
            pc = (size_t)in->x;
        else
            return pc;
    }
    return SIZE_MAX;
}

/* The look of the consuming instruction at pc (LOOK_NONE: none, or one that always passes). */
static struct look inst_look(const phase *ph, size_t pc)
{
    const inst *in = pc < ph->nprog ? &ph->prog[pc] : NULL;
    struct look lk;
    lk.kind = !in                 ? LOOK_NONE
              : in->op == OP_TOK ? LOOK_TOK
              : in->op == OP_LEX ? LOOK_LEX
              : in->op == OP_REC ? LOOK_REC
                                 : LOOK_NONE;
    lk.arg = lk.kind == LOOK_NONE ? 0 : (uint32_t)in->x;
    return lk;
}

/* The consuming instructions a thread at split pc can meet first (through splits, saves and
 * jumps), as their looks in alt[0..n), at most max of them. 0 when a match, an ANY or more
 * than max are reachable: then the thread may live whatever the token. */
static int split_looks(const phase *ph, size_t pc, struct look *alt, int max)
{
    size_t todo[LOOK_MAX_ALT * 2 + 8], seen[LOOK_MAX_ALT * 4 + 16];
    int nt = 0, ns = 0, n = 0;
    todo[nt++] = pc;
    while (nt > 0) {
        size_t q = todo[--nt];
        int dup = 0;
        for (int i = 0; i < ns && !dup; i++)
            dup = seen[i] == q;
        if (dup)
            continue;
        if (q >= ph->nprog || ns == (int)(sizeof seen / sizeof *seen))
            return 0;
        seen[ns++] = q;
        const inst *in = &ph->prog[q];
        if (in->op == OP_SAVE || in->op == OP_JMP || in->op == OP_SPLIT) {
            if (nt + 2 > (int)(sizeof todo / sizeof *todo))
                return 0;
            if (in->op == OP_SPLIT)
                todo[nt++] = (size_t)in->y;
            todo[nt++] = in->op == OP_SAVE ? q + 1 : (size_t)in->x;
            continue;
        }
        struct look lk = inst_look(ph, q);
        if (lk.kind == LOOK_NONE)
            return 0;
        int have = 0;
        for (int i = 0; i < n && !have; i++)
            have = alt[i].kind == lk.kind && alt[i].arg == lk.arg;
        if (have)
            continue;
        if (n == max)
            return 0;
        alt[n++] = lk;
    }
    return n;
}

/* phase.look for every instruction, and each of the phase's rules' `ahead` tests. */
static int phase_look(facta_rules *r, phase *ph)
{
    struct look *look = arena_alloc(&r->pool, (ph->nprog + 1) * sizeof *look);
    if (!look)
        return FACTA_ENOMEM;
    /* the splits' alternatives: counted, then stored */
    size_t nalt = 0, nleaf = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass) {
            ph->look_alt = nalt ? arena_alloc(&r->pool, nalt * sizeof *ph->look_alt) : NULL;
            ph->look_leaf = nleaf ? arena_alloc(&r->pool, nleaf * sizeof *ph->look_leaf) : NULL;
            if ((nalt && !ph->look_alt) || (nleaf && !ph->look_leaf))
                return FACTA_ENOMEM;
            nalt = nleaf = 0;
        }
        for (size_t pc = 0; pc <= ph->nprog; pc++) {
            size_t q = look_pc(ph, pc);
            look[pc] = q == SIZE_MAX ? (struct look){LOOK_NONE, 0} : inst_look(ph, q);
            struct look alt[LOOK_MAX_ALT];
            int n;
            if (q == SIZE_MAX || ph->prog[q].op != OP_SPLIT ||
                (n = split_looks(ph, q, alt, LOOK_MAX_ALT)) == 0)
                continue;
            look[pc].kind = LOOK_ALT;
            look[pc].arg = (uint32_t)nalt;
            if (pass) {
                /* words first, under a one-word bloom filter of their hashes */
                struct look_alt *la = &ph->look_alt[nalt];
                memset(la, 0, sizeof *la);
                la->off = (uint32_t)nleaf;
                la->n = (uint32_t)n;
                size_t j = nleaf;
                for (int k = 0; k < 2; k++)
                    for (int i = 0; i < n; i++) {
                        const pred *p = alt[i].kind == LOOK_TOK ? &r->preds[alt[i].arg] : NULL;
                        int word = p && p->op == P_WORD;
                        if (word != (k == 0))
                            continue;
                        ph->look_leaf[j++] = alt[i];
                        if (word) {
                            la->words |= 1ull << (p->hash & 63);
                            la->nwords++;
                        } else if (p) {
                            la->cls[0] |= p->f_cls[0];
                            la->cls[1] |= p->f_cls[1];
                        } else if (alt[i].kind == LOOK_LEX) {
                            if (alt[i].arg < 64)
                                la->lex |= 1ull << alt[i].arg;
                            else
                                la->lex_any = 1;
                        } else {
                            la->rec = 1;
                        }
                    }
            }
            nalt++;
            nleaf += (size_t)n;
        }
    }
    ph->look = look;
    for (int i = 0; i < ph->nrules; i++) {
        rule *ru = &r->rules[ph->rules[i]];
        ru->nahead = 0;
        ru->ahead_look = (struct look){LOOK_NONE, 0};
        if (ru->nfirst != 1 || ph->prog[ru->first_pcs[0]].op != OP_TOK)
            continue;
        size_t q = ru->first_pcs[0];
        while (ru->nahead < 4 && (q = look_pc(ph, q + 1)) != SIZE_MAX && ph->prog[q].op == OP_TOK)
            ru->ahead[ru->nahead++] = ph->prog[q].x;
        /* then a lexicon, a record or a split's alternatives */
        if (q != SIZE_MAX && look[q].kind != LOOK_TOK)
            ru->ahead_look = look[q];
    }
    return 0;
}

/* Each instruction's join flag (see inst), and each rule's start (see rule). */
/* How many ways lead to each instruction of the phase (an array the caller frees; NULL on
 * out of memory): one per split or jump to it and per save before it; two after a consuming
 * instruction (threads parked at the next token resume there) and at a rule's root (threads
 * start there). An instruction with one way in is reached only from the split, jump or save
 * before it. */
static uint32_t *inst_ways(facta_rules *r, const phase *ph)
{
    uint32_t *ways = fa_calloc(&r->al, ph->nprog + 1, sizeof *ways);
    if (!ways)
        return NULL;
    for (size_t pc = 0; pc < ph->nprog; pc++) {
        const inst *in = &ph->prog[pc];
        switch (in->op) {
        case OP_SPLIT:
            if (in->y >= 0 && (size_t)in->y < ph->nprog)
                ways[in->y]++;
            /* fall through */
        case OP_JMP:
            if (in->x >= 0 && (size_t)in->x < ph->nprog)
                ways[in->x]++;
            break;
        case OP_SAVE:
            ways[pc + 1]++;
            break;
        case OP_MATCH:
            break;
        default:
            ways[pc + 1] += 2;
        }
    }
    for (int i = 0; i < ph->nrules; i++)
        if (r->rules[ph->rules[i]].root < ph->nprog)
            ways[r->rules[ph->rules[i]].root] += 2;
    return ways;
}

static int inst_joins(facta_rules *r, phase *ph)
{
    uint32_t *ways = inst_ways(r, ph);
    if (!ways)
        return FACTA_ENOMEM;
    /* each rule's start: past the capture opens at its root reached from nowhere else; its
     * threads come there from the seeding */
    for (int i = 0; i < ph->nrules; i++) {
        rule *ru = &r->rules[ph->rules[i]];
        size_t pc = ru->root;
        ru->start_open = 0;
        while (pc < ph->nprog && ph->prog[pc].op == OP_SAVE && !(ph->prog[pc].x & 1) &&
               ph->prog[pc].x / 2 < 64 && ways[pc] == (pc == ru->root ? 2u : 1u)) {
            ru->start_open |= 1ull << (ph->prog[pc].x / 2);
            pc++;
        }
        ru->start = (uint32_t)pc;
        if (pc != ru->root && pc < ph->nprog)
            ways[pc] += 2;
        for (; pc < ph->nprog; pc++) { /* the rule's instructions end with its match */
            inst *in = &ph->prog[pc];
            if (in->op == OP_MATCH)
                break;
            if (in->op == OP_SAVE)
                in->y = (in->x & 1) && in->x / 2 < 64 && ((ru->start_open >> (in->x / 2)) & 1);
        }
    }
    for (size_t pc = 0; pc < ph->nprog; pc++)
        ph->prog[pc].join = ways[pc] != 1;
    fa_free(&r->al, ways);
    return 0;
}

/* phase.chain and the z of the splits heading fans of 3 alternatives or more (after
 * phase_look). */
static int split_fans(facta_rules *r, phase *ph)
{
    ph->chain = NULL;
    /* a fan's later splits have one way in: from the split before */
    uint32_t *npred = inst_ways(r, ph);
    if (!npred)
        return FACTA_ENOMEM;
    for (size_t pc = 0; pc < ph->nprog; pc++) {
        if (ph->prog[pc].op == OP_SPLIT)
            ph->prog[pc].z = -1;
    }
    /* npred[pc] = 0 marks the later splits of a fan met before */
    size_t n = 0, cap = 0;
    for (size_t pc = 0; pc < ph->nprog; pc++) {
        if (ph->prog[pc].op != OP_SPLIT || !npred[pc])
            continue;
        size_t len = 1, q = pc;
        while (len < 256 && (size_t)ph->prog[q].y < ph->nprog && ph->prog[ph->prog[q].y].op == OP_SPLIT &&
               npred[ph->prog[q].y] == 1) {
            q = (size_t)ph->prog[q].y;
            npred[q] = 0;
            len++;
        }
        if (len < 2)
            continue;
        if (n + len + 1 > cap) {
            size_t nc = cap ? cap * 2 : 64;
            while (nc < n + len + 1)
                nc *= 2;
            struct chain_ent *c = fa_realloc(&r->al, ph->chain, nc * sizeof *c);
            if (!c) {
                fa_free(&r->al, npred);
                return FACTA_ENOMEM;
            }
            ph->chain = c;
            cap = nc;
        }
        /* the x of each split, then the last one's y */
        q = pc;
        for (size_t k = 0; k <= len; k++) {
            struct chain_ent *e = &ph->chain[n + k];
            e->pc = (uint32_t)(k < len ? ph->prog[q].x : ph->prog[q].y);
            e->lk = ph->look[e->pc];
            e->n = (uint32_t)(len + 1 - k);
            e->word = e->lk.kind == LOOK_TOK && r->preds[e->lk.arg].op == P_WORD;
            e->hash = e->word ? r->preds[e->lk.arg].hash : 0;
            if (k + 1 < len)
                q = (size_t)ph->prog[q].y;
        }
        ph->prog[pc].z = (int32_t)n;
        n += len + 1;
    }
    fa_free(&r->al, npred);
    return 0;
}

/* facta_rules.seed_words, lex_seed_phases and cls_seed_phases from the phases' seeds and
 * generic rules. */
static int seed_phases(facta_rules *r)
{
    size_t nwords = 0;
    for (int i = 0; i < r->nphases && i < 64; i++)
        for (size_t k = 0; k < r->phases[i].nseeds; k++)
            nwords += !(r->phases[i].seeds[k].key >> 62);
    size_t cap = 16;
    while (cap < nwords * 2)
        cap *= 2;
    r->seed_words = arena_alloc(&r->pool, cap * sizeof *r->seed_words);
    r->lex_seed_phases = arena_alloc(&r->pool, ((size_t)r->nlexs + 1) * sizeof *r->lex_seed_phases);
    if (!r->seed_words || !r->lex_seed_phases)
        return FACTA_ENOMEM;
    memset(r->seed_words, 0, cap * sizeof *r->seed_words);
    memset(r->lex_seed_phases, 0, ((size_t)r->nlexs + 1) * sizeof *r->lex_seed_phases);
    memset(r->cls_seed_phases, 0, sizeof r->cls_seed_phases);
    r->seed_words_cap = cap;
    for (int i = 0; i < r->nphases && i < 64; i++) {
        const phase *ph = &r->phases[i];
        uint64_t bit = 1ull << i;
        for (size_t k = 0; k < ph->nseeds; k++) {
            uint64_t key = ph->seeds[k].key;
            if (key >> 63)
                continue; /* a record type: looked at per token, records come and go */
            if (key >> 62) {
                uint64_t lex = key & ~(3ull << 62);
                if (lex < (uint64_t)r->nlexs)
                    r->lex_seed_phases[lex] |= bit;
                continue;
            }
            size_t h = seed_slot_of(key, cap);
            while (r->seed_words[h].phases && r->seed_words[h].key != key)
                h = (h + 1) & (cap - 1);
            r->seed_words[h].key = key;
            r->seed_words[h].phases |= bit;
        }
        /* a rule only in gen_key starts only where one of its keys is (a word or a lexicon
         * counted above, or a record) */
        for (unsigned c = 0; c < 128 && ph->gen_any; c++)
            for (size_t k = 0; k < ph->gen_words; k++)
                if (ph->gen_any[c * ph->gen_words + k])
                    r->cls_seed_phases[c] |= bit;
        if (ph->ngeneric)
            r->cls_seed_phases[128] |= bit;
    }
    return 0;
}

/* rule_must: the states (pc, tokens consumed) a walk from a rule's root has seen, by stamp */
#define MUST_MAX 8 /* how far into a match the walk looks for a lexicon */
typedef struct must_walk {
    const facta_rules *r;
    const phase *ph;
    uint32_t *seen, stamp;
    uint64_t lex;   /* the lexicons that count */
    int lo, hi, ok; /* offsets met; ok: no path got past them */
} must_walk;

static void must_visit(must_walk *w, size_t pc, int k)
{
    for (int hops = 0; w->ok; hops++) {
        if (pc >= w->ph->nprog || k > MUST_MAX || hops > 4096) {
            w->ok = 0;
            return;
        }
        uint32_t *seen = &w->seen[pc * (MUST_MAX + 1) + (size_t)k];
        if (*seen == w->stamp)
            return;
        *seen = w->stamp;
        const inst *in = &w->ph->prog[pc];
        int met = (in->op == OP_LEX && in->x < 64 && ((w->lex >> in->x) & 1)) ||
                  (in->op == OP_TOK && (w->r->preds[in->x].f_lex_all & w->lex));
        if (met) {
            w->lo = k < w->lo ? k : w->lo;
            w->hi = k > w->hi ? k : w->hi;
            return;
        }
        switch (in->op) {
        case OP_TOK:
        case OP_ANY:
            pc++;
            k++;
            break;
        case OP_SAVE:
            pc++;
            break;
        case OP_JMP:
            pc = (size_t)in->x;
            break;
        case OP_SPLIT:
            must_visit(w, (size_t)in->x, k);
            pc = (size_t)in->y;
            break;
        default: /* a match, or a phrase or record of unknown length, before a lexicon */
            w->ok = 0;
            return;
        }
    }
}

/* Each rule's must_lex: when every way through its program meets a phrase of one of the
 * lexicons its @LEX elements name (or a token test that requires one) within its first
 * MUST_MAX tokens, having passed only token tests, those lexicons and the window of offsets
 * they start at. */
static int rule_must(facta_rules *r, phase *ph)
{
    uint32_t *seen = fa_calloc(&r->al, ph->nprog * (MUST_MAX + 1) + 1, sizeof *seen);
    if (!seen)
        return FACTA_ENOMEM;
    must_walk w = {r, ph, seen, 0, 0, 0, 0, 0};
    for (int i = 0; i < ph->nrules; i++) {
        rule *ru = &r->rules[ph->rules[i]];
        ru->must_lex = 0;
        /* the lexicons of the @LEX elements (a rule's instructions end with its match) */
        uint64_t lex = 0;
        for (size_t pc = ru->root; pc < ph->nprog && ph->prog[pc].op != OP_MATCH; pc++)
            if (ph->prog[pc].op == OP_LEX && ph->prog[pc].x < 64)
                lex |= 1ull << ph->prog[pc].x;
        if (!lex)
            continue;
        w.stamp++;
        w.lex = lex;
        w.lo = MUST_MAX + 1;
        w.hi = -1;
        w.ok = 1;
        must_visit(&w, ru->root, 0);
        if (w.ok && w.hi >= 0) {
            ru->must_lex = lex;
            ru->must_lo = (uint8_t)w.lo;
            ru->must_hi = (uint8_t)w.hi;
        }
    }
    fa_free(&r->al, seen);
    return 0;
}

int rules_finish(facta_rules *r, facta_diag *diag)
{
    pred_costs(r);
    snprintf(r->stamp_hex, sizeof r->stamp_hex, "%016llx", (unsigned long long)r->stamp);
    if (pred_flatten(r)) {
        diag_set(diag, FACTA_ENOMEM, "<rules>", 0, 0, 0, "out of memory");
        return FACTA_ENOMEM;
    }
    int rc = r->pack ? 0 : lex_finish(r);
    if (!rc)
        rc = lex_derive(r);
    if (rc) {
        diag_set(diag, rc, "<rules>", 0, 0, 0, "%s", facta_strerror(rc));
        return rc;
    }
    r->tag_bits = arena_alloc(&r->pool, ((size_t)r->ntags + 1) * sizeof *r->tag_bits);
    if (rule_ranks(r) || !r->tag_bits) {
        diag_set(diag, FACTA_ENOMEM, "<rules>", 0, 0, 0, "out of memory");
        return FACTA_ENOMEM;
    }
    for (int i = 0; i < r->ntags; i++)
        r->tag_bits[i] = tag_bit(r->tags[i], strlen(r->tags[i]));
    if (r->nphases)
        qsort(r->phases, (size_t)r->nphases, sizeof *r->phases, cmp_phase);
    for (int i = 0; i < r->nphases; i++) {
        phase *ph = &r->phases[i];
        if (phase_look(r, ph) || gen_bits(r, ph) || split_fans(r, ph) || rule_must(r, ph) ||
            inst_joins(r, ph)) {
            diag_set(diag, FACTA_ENOMEM, "<rules>", 0, 0, 0, "out of memory");
            return FACTA_ENOMEM;
        }
        if (!ph->nseeds)
            continue;
        qsort(ph->seeds, ph->nseeds, sizeof *ph->seeds, cmp_seed);
        /* a hash index over the distinct keys: one probe per token and key */
        size_t cap = 16;
        while (cap < ph->nseeds * 2)
            cap *= 2;
        ph->seed_index = fa_calloc(&r->al, cap, sizeof *ph->seed_index);
        if (!ph->seed_index) {
            diag_set(diag, FACTA_ENOMEM, "<rules>", 0, 0, 0, "out of memory");
            return FACTA_ENOMEM;
        }
        ph->seed_index_cap = cap;
        for (size_t k = 0; k < ph->nseeds;) {
            size_t e = k;
            while (e < ph->nseeds && ph->seeds[e].key == ph->seeds[k].key)
                e++;
            uint64_t key = ph->seeds[k].key;
            size_t h = seed_slot_of(key, cap);
            while (ph->seed_index[h].n)
                h = (h + 1) & (cap - 1);
            ph->seed_index[h].key = key;
            ph->seed_index[h].off = (uint32_t)k;
            ph->seed_index[h].n = (uint32_t)(e - k);
            k = e;
        }
    }
    if (seed_phases(r)) {
        diag_set(diag, FACTA_ENOMEM, "<rules>", 0, 0, 0, "out of memory");
        return FACTA_ENOMEM;
    }
    return 0;
}
