/* facta.h: the public API of facta, a rule-driven extractor of people, roles, dates,
 * places, organizations and figures from Russian and English text. */
#ifndef FACTA_H
#define FACTA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define FACTA_EXTERN __declspec(dllexport)
#else
#define FACTA_EXTERN __attribute__((visibility("default")))
#endif

#define FACTA_VERSION_MAJOR 0
#define FACTA_VERSION_MINOR 1
#define FACTA_VERSION_PATCH 0
#define FACTA_VERSION_STRING "0.1.0"

/**
 * Thread safety.
 *
 * The library has no global or static mutable state. A `facta_rules` is
 * immutable once `facta_rules_compile()` returns (PCRE2 patterns are JIT-compiled
 * inside it), so any number of threads may use one `facta_rules` at the same time.
 * A `facta_extractor` owns mutable scratch (PCRE2 match data, the ICU break
 * iterator, Snowball stemmers and the result arena). Use it from one thread at
 * a time, and create one per thread. A `facta_rules` must outlive every extractor
 * made from it.
 */
typedef struct facta_rules facta_rules;         /* compiled rules, immutable, shareable */
typedef struct facta_extractor facta_extractor; /* per-thread scratch and results */

/** Status codes. Every call that can fail returns one of these (0 or negative). */
typedef enum facta_error_code {
    FACTA_OK = 0,
    FACTA_ERROR = -1,   /* internal error (ICU or libstemmer refused) */
    FACTA_ENOMEM = -2,  /* an allocation failed; nothing was leaked */
    FACTA_EINVAL = -3,  /* bad argument: NULL handle, unknown options version */
    FACTA_EUTF8 = -4,   /* input is not valid UTF-8; the message names the byte offset */
    FACTA_ESYNTAX = -5, /* rule file syntax or semantic error (see facta_diag) */
    FACTA_EREGEX = -6,  /* a regex in a rule file does not compile */
    FACTA_EIO = -7,     /* a rule file or directory cannot be read */
    FACTA_ELIMIT = -8   /* a documented limit was exceeded (see docs/limits.md) */
} facta_error_code;

/** Static English text for a status code; never NULL. */
FACTA_EXTERN const char *facta_strerror(int code);

/** The library version as "MAJOR.MINOR.PATCH"; static, never NULL. */
FACTA_EXTERN const char *facta_version(void);

/**
 * Diagnostic filled by the rule compiler, since a failed compile has no handle.
 * `file`, `line` and `column` (1-based, column in code points) locate the error;
 * `message` holds "file:line:column: what was expected", ready to print.
 */
typedef struct facta_diag {
    int code;           /* facta_error_code */
    char file[256];     /* rule file name, or "<string>" / "<default>" */
    size_t line;        /* 1-based; 0 when not tied to a position */
    size_t column;      /* 1-based, in code points */
    size_t byte_offset; /* offset of the error in that file */
    char message[512];  /* "file:line:column: message", NUL-terminated */
} facta_diag;

/* ------------------------------------------------------------------------- */
/* Rules                                                                      */

/**
 * Allocation hooks. Every allocation facta makes for a `facta_rules` and the
 * extractors made from it goes through these (ICU, PCRE2 and libstemmer keep their
 * own). Used by tests that fail the Nth allocation; NULL means malloc/realloc/free.
 */
typedef struct facta_allocator {
    void *(*malloc_fn)(size_t size, void *ctx);
    void *(*realloc_fn)(void *ptr, size_t size, void *ctx);
    void (*free_fn)(void *ptr, void *ctx);
    void *ctx;
} facta_allocator;

#define FACTA_COMPILE_OPTIONS_VERSION 1
#define FACTA_COMPILE_WITH_DEFAULTS 0x1u /* load the built-in rules before the user's */
#define FACTA_COMPILE_NO_JIT 0x2u        /* do not JIT-compile regexes */
#define FACTA_COMPILE_VERIFY_PACK 0x4u   /* check a rule pack's checksum at load (reads it all) */

/** Options for compiling rules. Initialize with FACTA_COMPILE_OPTIONS_INIT. */
typedef struct facta_compile_options {
    unsigned int version; /* FACTA_COMPILE_OPTIONS_VERSION */
    uint32_t flags;       /* FACTA_COMPILE_* bits */
    const facta_allocator *allocator; /* NULL: the C library's; must outlive the rules */
} facta_compile_options;
#define FACTA_COMPILE_OPTIONS_INIT {FACTA_COMPILE_OPTIONS_VERSION, 0, NULL}

/** Fill `opts` with defaults. @return FACTA_OK, or FACTA_EINVAL for an unknown version. */
FACTA_EXTERN int facta_compile_options_init(facta_compile_options *opts, unsigned int version);

/**
 * Compile the default rule set that is built into the library (no files needed).
 * @param[out] out  the compiled rules, written only on success; free with facta_rules_free()
 * @param diag      optional; filled on failure
 * @return FACTA_OK, FACTA_ENOMEM
 */
FACTA_EXTERN int facta_rules_default(facta_rules **out, facta_diag *diag);

/**
 * Load rules from `path`: a rule file (`*.facta`), a directory, read recursively
 * in name order (`*.facta` rule files; lexicon files are loaded by the rules that name them),
 * or a binary rule pack written by facta_rules_save(), recognized by its first bytes.
 * With FACTA_COMPILE_WITH_DEFAULTS the built-in rules come first (not with a pack, which
 * already holds whatever it was built from: FACTA_EINVAL).
 * A pack's lexicons are memory-mapped read-only and used in place, so they load in
 * milliseconds whatever their size and every process using the pack shares its pages;
 * its rule sources are compiled again. A pack written by another facta version, or a
 * truncated one, is refused with FACTA_ESYNTAX; a pack damaged elsewhere cannot crash the
 * library, and FACTA_COMPILE_VERIFY_PACK detects it by checksum.
 * @return FACTA_OK, FACTA_EIO, FACTA_ESYNTAX, FACTA_EREGEX, FACTA_ELIMIT, FACTA_ENOMEM,
 *         FACTA_EINVAL; on failure `diag` says where and why and nothing is loaded.
 */
FACTA_EXTERN int facta_rules_load(facta_rules **out, const char *path,
                                  const facta_compile_options *opts, facta_diag *diag);

/**
 * Compile rules from memory. `name` is used in diagnostics (NULL: "<string>");
 * lexicon files named by the source are resolved relative to the current directory.
 * @return as facta_rules_load()
 */
FACTA_EXTERN int facta_rules_compile(facta_rules **out, const char *src, size_t len,
                                     const char *name, const facta_compile_options *opts,
                                     facta_diag *diag);

/**
 * Write `rules` to `path` as a binary rule pack (docs/rules.md, "Rule packs"): the rule
 * sources plus the compiled lexicons, for facta_rules_load() to map later. The file is
 * written beside `path` and renamed over it, so processes using the old pack keep it.
 * Packs are tied to the facta version and the machine's byte order.
 * @return FACTA_OK, FACTA_EIO (with the reason in `diag`), FACTA_ENOMEM, FACTA_EINVAL
 */
FACTA_EXTERN int facta_rules_save(const facta_rules *rules, const char *path, facta_diag *diag);

/**
 * The content stamp of `rules`: 16 hex digits hashed from every input read to compile
 * them (rule sources, lexicon and endings files, in order). A pack keeps the stamp of
 * the sources it was built from. Owned by `rules`; "" for NULL.
 */
FACTA_EXTERN const char *facta_rules_stamp(const facta_rules *rules);

/** Free compiled rules. NULL is a no-op. Every extractor made from them must be freed first. */
FACTA_EXTERN void facta_rules_free(facta_rules *rules);

/** Number of rules (patterns) compiled into `rules`. */
FACTA_EXTERN size_t facta_rules_count(const facta_rules *rules);

/** Number of warnings the compiler raised (lexicon collisions and the like). */
FACTA_EXTERN size_t facta_rules_warning_count(const facta_rules *rules);

/** The i-th warning as "file:line:column: message"; NULL when out of range. */
FACTA_EXTERN const char *facta_rules_warning(const facta_rules *rules, size_t i);

/**
 * Run the examples and counter-examples the rule files carry (`example "text" => TYPE "norm";`,
 * `counter "text" => TYPE;`, docs/rules.md) with these rules.
 * @param report  optional; receives one "file:line: ..." line per failure, truncated to `cap`
 * @param[out] total  optional; the number of examples run
 * @return the number of examples that failed (0 when all pass); (size_t)-1 on out of memory
 */
FACTA_EXTERN size_t facta_rules_self_test(const facta_rules *rules, char *report, size_t cap,
                                          size_t *total);

/* ------------------------------------------------------------------------- */
/* Extraction                                                                 */

/** Create an extractor over `rules`. @return FACTA_OK, FACTA_EINVAL, FACTA_ENOMEM, FACTA_ERROR */
FACTA_EXTERN int facta_extractor_new(facta_extractor **out, const facta_rules *rules);

/** Free an extractor and every result it holds. NULL is a no-op. */
FACTA_EXTERN void facta_extractor_free(facta_extractor *ex);

/** The message of the last failed call on `ex`: "" if none; valid until the next call. */
FACTA_EXTERN const char *facta_extractor_last_error(const facta_extractor *ex);

#define FACTA_EXTRACT_OPTIONS_VERSION 1
#define FACTA_EXTRACT_REPLACE_INVALID 0x1u /* read invalid UTF-8 as U+FFFD instead of failing */
#define FACTA_EXTRACT_EXPLAIN 0x2u         /* record losing candidates and rule names */

/** Per-document options. Initialize with FACTA_EXTRACT_OPTIONS_INIT. */
typedef struct facta_extract_options {
    unsigned int version; /* FACTA_EXTRACT_OPTIONS_VERSION */
    const char *lang;     /* "ru", "en" or NULL: a hint, written to the output */
    const char *doc_date; /* "YYYY-MM-DD" or NULL: anchors years and relative dates */
    uint32_t flags;       /* FACTA_EXTRACT_* bits */
} facta_extract_options;
#define FACTA_EXTRACT_OPTIONS_INIT {FACTA_EXTRACT_OPTIONS_VERSION, NULL, NULL, 0}

/** Fill `opts` with defaults. @return FACTA_OK, or FACTA_EINVAL for an unknown version. */
FACTA_EXTERN int facta_extract_options_init(facta_extract_options *opts, unsigned int version);

/** A span of the input, in UTF-8 bytes and in Unicode code points, end exclusive. */
typedef struct facta_span {
    size_t byte_start, byte_end; /* [start, end) in the UTF-8 input */
    size_t cp_start, cp_end;     /* the same span in code points (Python str indices) */
} facta_span;

/** One attribute of a record. Numbers also carry their text form in `value`. */
typedef struct facta_attr {
    const char *key;   /* "value", "unit", "person", ... */
    const char *value; /* NUL-terminated UTF-8 */
    int is_number;     /* 1: `number` holds it and JSON writes it as a number */
    double number;
} facta_attr;

/** One extracted record. All pointers are owned by the extractor. */
typedef struct facta_entity {
    facta_span span;
    const char *type;        /* "PERSON", "ROLE", "PLACE", "ORG", "DATE", "FIGURE", ... */
    const char *norm;        /* canonical form, NUL-terminated UTF-8 */
    const facta_attr *attrs; /* `n_attrs` attributes */
    size_t n_attrs;
    const char *rule; /* "file:line name" of the rule that produced it (owned by the rules) */
} facta_entity;

/** A candidate that matched but lost a conflict (FACTA_EXTRACT_EXPLAIN only). */
typedef struct facta_explain {
    facta_span span;
    const char *type;
    const char *rule;
    const char *reason; /* "overlap with <rule>", "rejected by <rule>", ... */
} facta_explain;

/**
 * Extract records from one document.
 * Entities come sorted by start, then longer first; they stay valid until the next
 * call on `ex` or facta_extractor_free(ex).
 * @param[out] out, out_count  the records, written only on success
 * @param text, len  UTF-8 input; NUL bytes are ordinary characters; a leading BOM is skipped
 *                   (offsets still count it)
 * @param opts  NULL for defaults
 * @return FACTA_OK, FACTA_EINVAL, FACTA_EUTF8 (message names the byte offset),
 *         FACTA_ELIMIT (document longer than INT32_MAX bytes), FACTA_ENOMEM, FACTA_ERROR
 */
FACTA_EXTERN int facta_extract(const facta_entity **out, size_t *out_count, facta_extractor *ex,
                               const char *text, size_t len, const facta_extract_options *opts);

/**
 * Extract and write the document as one JSON object (no newline), the record contract
 * of docs/output.md: {"id":..,"lang":..,"entities":[..]}. `id` may be NULL (omitted).
 * With FACTA_EXTRACT_EXPLAIN each record carries "rule" and the object "rejected".
 * The string stays valid until the next call on `ex`.
 * @return as facta_extract()
 */
FACTA_EXTERN int facta_extract_json(const char **out_json, size_t *out_len, facta_extractor *ex,
                                    const char *id, const char *text, size_t len,
                                    const facta_extract_options *opts);

/** Candidates that lost a conflict in the last facta_extract() with FACTA_EXTRACT_EXPLAIN. */
FACTA_EXTERN size_t facta_extractor_explain(const facta_explain **out, const facta_extractor *ex);

/**
 * Records the last extraction dropped because a limit was hit (most records per
 * document, most tokens per document); 0 when nothing was dropped. The JSON says
 * "truncated": N in that case.
 */
FACTA_EXTERN size_t facta_extractor_dropped(const facta_extractor *ex);

/* ------------------------------------------------------------------------- */
/* Tokens                                                                     */

typedef enum facta_token_kind {
    FACTA_TOK_WORD = 0,
    FACTA_TOK_NUMBER = 1,
    FACTA_TOK_PUNCT = 2,
    FACTA_TOK_SYMBOL = 3,
    FACTA_TOK_URL = 4, /* URLs and e-mail addresses */
    FACTA_TOK_SPACE = 5 /* never returned; internal */
} facta_token_kind;

typedef enum facta_script {
    FACTA_SCRIPT_OTHER = 0,
    FACTA_SCRIPT_LATIN = 1,
    FACTA_SCRIPT_CYRILLIC = 2,
    FACTA_SCRIPT_MIXED = 3 /* Latin and Cyrillic letters in one word: flagged, never rewritten */
} facta_script;

typedef enum facta_shape {
    FACTA_SHAPE_NONE = 0,  /* no letters */
    FACTA_SHAPE_LOWER = 1, /* xxx */
    FACTA_SHAPE_UPPER = 2, /* XXX (two or more letters) */
    FACTA_SHAPE_TITLE = 3, /* Xxx */
    FACTA_SHAPE_MIXED = 4, /* xXx, McDonald */
    FACTA_SHAPE_INITIAL = 5 /* one capital letter */
} facta_shape;

#define FACTA_TOKEN_SENT_START 0x1u /* first token of a sentence */
#define FACTA_TOKEN_PARA_START 0x2u /* first token of a paragraph (after a blank line) */
#define FACTA_TOKEN_SPACE_BEFORE 0x4u /* whitespace precedes the token */

/** One token; strings are owned by the extractor. */
typedef struct facta_token {
    facta_span span;
    int kind;           /* facta_token_kind */
    int script;         /* facta_script */
    int shape;          /* facta_shape */
    unsigned int flags; /* FACTA_TOKEN_* bits */
    const char *folded; /* case-folded, ё→е, ’→', quotes unified */
    const char *stem;   /* Snowball stem of `folded` (russian for Cyrillic, english for Latin) */
} facta_token;

/**
 * Tokenize one document (the first stage of facta_extract()).
 * Tokens stay valid until the next call on `ex`.
 * @return as facta_extract()
 */
FACTA_EXTERN int facta_tokenize(const facta_token **out, size_t *out_count, facta_extractor *ex,
                                const char *text, size_t len, const facta_extract_options *opts);

/** Names for the enums above ("word", "cyrillic", "Xxx", ...); static, never NULL. */
FACTA_EXTERN const char *facta_token_kind_name(int kind);
FACTA_EXTERN const char *facta_script_name(int script);
FACTA_EXTERN const char *facta_shape_name(int shape);

/* ------------------------------------------------------------------------- */
/* Utilities                                                                  */

/**
 * Check that `text` is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
 * @return 1 if valid; 0 otherwise, with `*bad_offset` (if not NULL) set to the first bad byte.
 */
FACTA_EXTERN int facta_utf8_valid(const char *text, size_t len, size_t *bad_offset);

#ifdef __cplusplus
}
#endif

#endif /* FACTA_H */
