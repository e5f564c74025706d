/* headertest.c: facta.h is self-contained, strict C11 (-std=c11 -pedantic -Wall -Wextra
 * -Werror), idempotent, and declares what the documentation says. Built without the
 * library: function signatures are checked in _Generic's unevaluated operand, so nothing
 * is linked. */
#include "facta.h"
#include "facta.h" /* twice: the include guard */

#include <stdio.h>
#include <string.h>

/* ---- constants ---- */

_Static_assert(FACTA_OK == 0, "FACTA_OK is 0");
_Static_assert(FACTA_ERROR < 0 && FACTA_ENOMEM < 0 && FACTA_EINVAL < 0 && FACTA_EUTF8 < 0 &&
                   FACTA_ESYNTAX < 0 && FACTA_EREGEX < 0 && FACTA_EIO < 0 && FACTA_ELIMIT < 0,
               "errors are negative");
_Static_assert(FACTA_ERROR == -1 && FACTA_ENOMEM == -2 && FACTA_EINVAL == -3 &&
                   FACTA_EUTF8 == -4 && FACTA_ESYNTAX == -5 && FACTA_EREGEX == -6 &&
                   FACTA_EIO == -7 && FACTA_ELIMIT == -8,
               "status codes are part of the ABI");
_Static_assert(FACTA_TOK_WORD == 0 && FACTA_TOK_NUMBER == 1 && FACTA_TOK_PUNCT == 2 &&
                   FACTA_TOK_SYMBOL == 3 && FACTA_TOK_URL == 4 && FACTA_TOK_SPACE == 5,
               "token kinds");
_Static_assert(FACTA_SCRIPT_OTHER == 0 && FACTA_SCRIPT_LATIN == 1 && FACTA_SCRIPT_CYRILLIC == 2 &&
                   FACTA_SCRIPT_MIXED == 3,
               "scripts");
_Static_assert(FACTA_SHAPE_NONE == 0 && FACTA_SHAPE_LOWER == 1 && FACTA_SHAPE_UPPER == 2 &&
                   FACTA_SHAPE_TITLE == 3 && FACTA_SHAPE_MIXED == 4 && FACTA_SHAPE_INITIAL == 5,
               "shapes");
_Static_assert((FACTA_TOKEN_SENT_START & FACTA_TOKEN_PARA_START) == 0 &&
                   (FACTA_TOKEN_SENT_START & FACTA_TOKEN_SPACE_BEFORE) == 0 &&
                   (FACTA_TOKEN_PARA_START & FACTA_TOKEN_SPACE_BEFORE) == 0,
               "token flags are distinct bits");
_Static_assert((FACTA_COMPILE_WITH_DEFAULTS & FACTA_COMPILE_NO_JIT) == 0, "compile flags");
_Static_assert((FACTA_EXTRACT_REPLACE_INVALID & FACTA_EXTRACT_EXPLAIN) == 0, "extract flags");
_Static_assert(FACTA_VERSION_MAJOR >= 0 && FACTA_VERSION_MINOR >= 0 && FACTA_VERSION_PATCH >= 0,
               "version numbers");
_Static_assert(FACTA_COMPILE_OPTIONS_VERSION == 1 && FACTA_EXTRACT_OPTIONS_VERSION == 1,
               "options versions");

/* ---- types: sizes and field types ---- */

_Static_assert(sizeof(((facta_diag *)0)->file) == 256 && sizeof(((facta_diag *)0)->message) == 512,
               "diag buffers");
_Static_assert(sizeof(facta_span) == 4 * sizeof(size_t), "span: four size_t");

#define SAME_TYPE(expr, type) _Generic((expr), type: 1, default: 0)

_Static_assert(SAME_TYPE(((facta_token *)0)->folded, const char *), "token.folded");
_Static_assert(SAME_TYPE(((facta_token *)0)->span, facta_span), "token.span");
_Static_assert(SAME_TYPE(((facta_entity *)0)->attrs, const facta_attr *), "entity.attrs");
_Static_assert(SAME_TYPE(((facta_attr *)0)->number, double), "attr.number");
_Static_assert(SAME_TYPE(((facta_extract_options *)0)->flags, uint32_t), "options.flags");
_Static_assert(SAME_TYPE(((facta_compile_options *)0)->allocator, const facta_allocator *),
               "options.allocator");

/* ---- function signatures (unevaluated: nothing is linked) ---- */

_Static_assert(SAME_TYPE(&facta_strerror, const char *(*)(int)), "facta_strerror");
_Static_assert(SAME_TYPE(&facta_version, const char *(*)(void)), "facta_version");
_Static_assert(SAME_TYPE(&facta_compile_options_init,
                         int (*)(facta_compile_options *, unsigned int)),
               "facta_compile_options_init");
_Static_assert(SAME_TYPE(&facta_rules_default, int (*)(facta_rules **, facta_diag *)),
               "facta_rules_default");
_Static_assert(SAME_TYPE(&facta_rules_load, int (*)(facta_rules **, const char *,
                                                    const facta_compile_options *, facta_diag *)),
               "facta_rules_load");
_Static_assert(SAME_TYPE(&facta_rules_compile,
                         int (*)(facta_rules **, const char *, size_t, const char *,
                                 const facta_compile_options *, facta_diag *)),
               "facta_rules_compile");
_Static_assert(SAME_TYPE(&facta_rules_free, void (*)(facta_rules *)), "facta_rules_free");
_Static_assert(SAME_TYPE(&facta_rules_count, size_t (*)(const facta_rules *)), "count");
_Static_assert(SAME_TYPE(&facta_rules_warning_count, size_t (*)(const facta_rules *)), "wcount");
_Static_assert(SAME_TYPE(&facta_rules_warning, const char *(*)(const facta_rules *, size_t)),
               "warning");
_Static_assert(SAME_TYPE(&facta_extractor_new, int (*)(facta_extractor **, const facta_rules *)),
               "facta_extractor_new");
_Static_assert(SAME_TYPE(&facta_extractor_free, void (*)(facta_extractor *)), "extractor_free");
_Static_assert(SAME_TYPE(&facta_extractor_last_error, const char *(*)(const facta_extractor *)),
               "last_error");
_Static_assert(SAME_TYPE(&facta_extract_options_init,
                         int (*)(facta_extract_options *, unsigned int)),
               "facta_extract_options_init");
_Static_assert(SAME_TYPE(&facta_extract,
                         int (*)(const facta_entity **, size_t *, facta_extractor *, const char *,
                                 size_t, const facta_extract_options *)),
               "facta_extract");
_Static_assert(SAME_TYPE(&facta_extract_json,
                         int (*)(const char **, size_t *, facta_extractor *, const char *,
                                 const char *, size_t, const facta_extract_options *)),
               "facta_extract_json");
_Static_assert(SAME_TYPE(&facta_extractor_explain,
                         size_t (*)(const facta_explain **, const facta_extractor *)),
               "explain");
_Static_assert(SAME_TYPE(&facta_extractor_dropped, size_t (*)(const facta_extractor *)),
               "dropped");
_Static_assert(SAME_TYPE(&facta_tokenize,
                         int (*)(const facta_token **, size_t *, facta_extractor *, const char *,
                                 size_t, const facta_extract_options *)),
               "facta_tokenize");
_Static_assert(SAME_TYPE(&facta_token_kind_name, const char *(*)(int)), "kind_name");
_Static_assert(SAME_TYPE(&facta_script_name, const char *(*)(int)), "script_name");
_Static_assert(SAME_TYPE(&facta_shape_name, const char *(*)(int)), "shape_name");
_Static_assert(SAME_TYPE(&facta_utf8_valid, int (*)(const char *, size_t, size_t *)),
               "facta_utf8_valid");

/* ---- the initializers compile and give the documented defaults ---- */

#define STR2(x) #x
#define STR(x) STR2(x)

static void *my_malloc(size_t n, void *ctx)
{
    (void)n;
    (void)ctx;
    return NULL;
}

static void *my_realloc(void *p, size_t n, void *ctx)
{
    (void)p;
    (void)n;
    (void)ctx;
    return NULL;
}

static void my_free(void *p, void *ctx)
{
    (void)p;
    (void)ctx;
}

int main(void)
{
    int bad = 0;
    facta_compile_options co = FACTA_COMPILE_OPTIONS_INIT;
    facta_extract_options eo = FACTA_EXTRACT_OPTIONS_INIT;
    static const facta_extract_options seo = FACTA_EXTRACT_OPTIONS_INIT; /* a constant expression */
    facta_allocator al = {my_malloc, my_realloc, my_free, NULL};
    co.allocator = &al;
    co.flags |= FACTA_COMPILE_WITH_DEFAULTS | FACTA_COMPILE_NO_JIT;
    eo.flags |= FACTA_EXTRACT_REPLACE_INVALID | FACTA_EXTRACT_EXPLAIN;
    eo.lang = "ru";
    eo.doc_date = "2016-11-23";
    bad |= co.version != FACTA_COMPILE_OPTIONS_VERSION;
    bad |= eo.version != FACTA_EXTRACT_OPTIONS_VERSION;
    bad |= seo.lang != NULL || seo.doc_date != NULL || seo.flags != 0;
    bad |= strcmp(FACTA_VERSION_STRING, STR(FACTA_VERSION_MAJOR) "." STR(FACTA_VERSION_MINOR) "."
                                            STR(FACTA_VERSION_PATCH)) != 0;

    facta_diag d = {0};
    facta_span sp = {0, 3, 0, 1};
    facta_attr at = {"value", "6800000", 1, 6800000.0};
    facta_entity en = {sp, "FIGURE", "6800000 child", &at, 1, "rules/30_figures.facta:1 x"};
    facta_explain ex = {sp, "A", "t.facta:1 a", "overlap"};
    facta_token tk = {sp,
                      FACTA_TOK_WORD,
                      FACTA_SCRIPT_CYRILLIC,
                      FACTA_SHAPE_TITLE,
                      FACTA_TOKEN_SENT_START | FACTA_TOKEN_PARA_START,
                      "мир",
                      "мир"};
    facta_rules *rules = NULL;
    facta_extractor *extractor = NULL;
    int codes[] = {FACTA_OK,      FACTA_ERROR, FACTA_ENOMEM, FACTA_EINVAL, FACTA_EUTF8,
                   FACTA_ESYNTAX, FACTA_EREGEX, FACTA_EIO,   FACTA_ELIMIT};
    bad |= d.code != 0 || en.n_attrs != 1 || ex.span.byte_end != 3 || tk.kind != FACTA_TOK_WORD;
    bad |= rules != NULL || extractor != NULL || sizeof codes / sizeof codes[0] != 9;
    if (bad)
        fprintf(stderr, "headertest: the header's defaults are not as documented\n");
    return bad;
}
