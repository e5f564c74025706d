/* wordbreak.h: ICU's word boundaries, computed without ICU, for the characters of most news
 * text (the fast path of the tokenizer; see wordbreak.c). */
#ifndef FACTA_WORDBREAK_H
#define FACTA_WORDBREAK_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>

/* Word_Break classes (UAX #29) of the characters the fast path knows; WB_SLOW: any other
 * character (the document goes to ICU). */
enum {
    WB_SLOW,
    WB_OTHER,  /* breaks on both sides */
    WB_AL,     /* ALetter: Latin (to U+024F) and Cyrillic (to U+052F) letters, '@' */
    WB_NU,     /* Numeric: 0-9 */
    WB_ML,     /* MidLetter: U+00B7, U+2027 (ICU leaves ':' out) */
    WB_MNL,    /* MidNumLet: . U+2018 U+2019 U+2024 */
    WB_MN,     /* MidNum: , ; */
    WB_SQ,     /* Single_Quote: ' */
    WB_ENL,    /* ExtendNumLet: _ U+202F */
    WB_WS,     /* WSegSpace: the space */
    WB_CR,
    WB_LF,
    WB_NL      /* Newline: U+000B U+000C */
};

/* The class of the code point starting at s[i] of valid UTF-8 s[0, n); its length in *len. */
int wb_class(const char *s, size_t n, size_t i, size_t *len);

/* Is every character of valid UTF-8 s[0, n) one the fast path knows (no WB_SLOW)? */
int wb_text_ok(const char *s, size_t n);

/* For text where wb_text_ok() holds: the word boundary after boundary b < n, and in *status
 * the rule status ICU gives the segment [b, end) (UBRK_WORD_NONE, _NUMBER or _LETTER). */
size_t wb_next_rules(const char *s, size_t n, size_t b, int32_t *status);

/* Flags of a byte for the quick path of wb_next() (from the classes above) */
enum {
    WBB_ALONE = 1,        /* an ASCII character that is a segment alone (WB999) */
    WBB_LETTER = 2,       /* starts a run of letters (ASCII, '@', U+0400..U+047F) */
    WBB_DIGIT = 4,        /* starts a run of digits */
    WBB_END_LETTERS = 8,  /* an ASCII character no letter joins across */
    WBB_END_DIGITS = 16   /* an ASCII character no digit joins across */
};
extern const uint8_t wb_byte[256];
/* Bytes a run of letters ([0]) or digits ([1]) steps over at a byte (0: the run ends). */
extern const uint8_t wb_run_step[2][256];

/* wb_next_rules(), inline for the most common segments: a character alone, and a run of
 * letters or of digits that ends at the end of the text or before a character that never
 * joins it (the rest of the rules decide the others). */
static inline size_t wb_next(const char *s, size_t n, size_t b, int32_t *status)
{
    unsigned f = wb_byte[(unsigned char)s[b]];
    if (f & WBB_ALONE) {
        *status = UBRK_WORD_NONE;
        return b + 1;
    }
    if (f & (WBB_LETTER | WBB_DIGIT)) {
        unsigned num = (f & WBB_DIGIT) != 0;
        const uint8_t *run = wb_run_step[num];
        size_t r = b;
        unsigned k;
        while (r < n && (k = run[(unsigned char)s[r]]) != 0)
            r += k;
        if (r == n || (r < n && (wb_byte[(unsigned char)s[r]] &
                                 (num ? WBB_END_DIGITS : WBB_END_LETTERS)))) {
            *status = num ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER;
            return r;
        }
    }
    return wb_next_rules(s, n, b, status);
}

/* Does ICU's word break iterator `bi` (root locale) agree with wb_next() on a probe text that
 * has every rule of the fast path? 1 yes, 0 no (the tokenizer then always uses ICU). Resets
 * the iterator's text. */
int wb_agrees_with_icu(UBreakIterator *bi);

#endif
