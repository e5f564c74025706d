/* wordbreak.c: ICU's word boundaries without ICU, for the characters of most news text.
 *
 * The tokenizer breaks words as ICU's UBRK_WORD iterator (root locale) does. For text made
 * only of ASCII, Latin letters to U+024F, Cyrillic to U+052F, and the common punctuation,
 * quotes, dashes and currency signs, the UAX #29 rules ICU applies reduce to a handful, coded
 * here over the UTF-8 bytes: no UTF-16 copy, no mapping of positions back, and about a tenth
 * of ICU's instructions. A character outside that set (WB_SLOW: combining marks, format
 * characters, emoji, other scripts) sends the whole document to ICU.
 *
 * The classes follow Unicode's Word_Break property and ICU's word.txt (which counts '@' as a
 * letter, for e-mail addresses, and leaves ':' out of MidLetter). tests/unit/test_tokenize.c compares the two on every character of the set
 * and on random strings; wb_agrees_with_icu() repeats a probe of every rule at run time, so
 * an ICU whose rules differ is simply used for everything.
 */
#include "wordbreak.h"
#include "facta_internal.h"

#include <string.h>
#include <unicode/ustring.h>

/* The class of ASCII character c (one definition for the tables below). */
#define ACLS(c)                                                                                \
    ((c) == '\n'                                   ? WB_LF                                     \
     : (c) == 0x0B || (c) == 0x0C                  ? WB_NL                                     \
     : (c) == '\r'                                 ? WB_CR                                     \
     : (c) == ' '                                  ? WB_WS                                     \
     : (c) == '\''                                 ? WB_SQ                                     \
     : (c) == ',' || (c) == ';'                    ? WB_MN                                     \
     : (c) == '.'                                  ? WB_MNL                                    \
     : (c) == '_'                                  ? WB_ENL                                    \
     : (c) >= '0' && (c) <= '9'                    ? WB_NU                                     \
     : ((c) | 32) >= 'a' && ((c) | 32) <= 'z'      ? WB_AL                                     \
     : (c) == '@'                                  ? WB_AL                                     \
                                                   : WB_OTHER)
#define X4(M, c) M(c), M((c) + 1), M((c) + 2), M((c) + 3)
#define X16(M, c) X4(M, c), X4(M, (c) + 4), X4(M, (c) + 8), X4(M, (c) + 12)
#define X128(M) X16(M, 0), X16(M, 16), X16(M, 32), X16(M, 48), X16(M, 64), X16(M, 80), \
                X16(M, 96), X16(M, 112)

static const uint8_t WB_ASCII[128] = {X128(ACLS)};

/* wb_next()'s quick path (see wordbreak.h) */
#define ENDS_LETTERS(k) \
    ((k) == WB_OTHER || (k) == WB_WS || (k) == WB_CR || (k) == WB_LF || (k) == WB_NL || (k) == WB_MN)
#define ENDS_DIGITS(k) (ENDS_LETTERS(k) && (k) != WB_MN)
#define BYTE_FLAGS(k)                                                                          \
    ((k) == WB_AL   ? WBB_LETTER                                                               \
     : (k) == WB_NU ? WBB_DIGIT                                                                \
     : (k) == WB_CR || (k) == WB_WS || (k) == WB_ENL ? 0u : WBB_ALONE) |                        \
        (ENDS_LETTERS(k) ? WBB_END_LETTERS : 0u) | (ENDS_DIGITS(k) ? WBB_END_DIGITS : 0u)
#define AFLAGS(c) BYTE_FLAGS(ACLS(c))
const uint8_t wb_byte[256] = {X128(AFLAGS), [0xD0] = WBB_LETTER, [0xD1] = WBB_LETTER};

/* Runs of letters: ASCII letters and '@', and U+0400..U+047F (lead byte 0xD0 or 0xD1, always
 * letters, two bytes); of digits */
#define LSTEP(c) (ACLS(c) == WB_AL)
#define DSTEP(c) (ACLS(c) == WB_NU)
const uint8_t wb_run_step[2][256] = {{X128(LSTEP), [0xD0] = 2, [0xD1] = 2}, {X128(DSTEP)}};

/* U+0080..U+07FF */
static int class2(uint32_t c)
{
    if (c - 0x400u < 0x80u)
        return WB_AL; /* U+0400..U+047F: the Russian alphabet and more */
    if (c < 0xA0)
        return WB_SLOW; /* C1 controls (U+0085 is a Newline) */
    if (c < 0xC0) {
        switch (c) {
        case 0xAA: case 0xB5: case 0xBA: return WB_AL;             /* ª µ º */
        case 0xB7: return WB_ML;                                    /* · */
        case 0xA9: case 0xAE: return WB_SLOW;                       /* © ®: pictographic */
        case 0xAD: return WB_SLOW;                                  /* soft hyphen: Format */
        default: return WB_OTHER;                                   /* NBSP « » ° § ... */
        }
    }
    if (c <= 0x24F)
        return (c == 0xD7 || c == 0xF7) ? WB_OTHER : WB_AL;        /* × ÷ */
    if (c < 0x400 || c > 0x52F)
        return WB_SLOW;
    if (c == 0x482)
        return WB_OTHER;                                            /* ҂ */
    if (c >= 0x483 && c <= 0x489)
        return WB_SLOW;                                             /* combining: Extend */
    return WB_AL;
}

/* U+0800..U+FFFF */
static int class3(uint32_t c)
{
    if (c >= 0x2010 && c <= 0x203B) {
        switch (c) {
        case 0x2018: case 0x2019: case 0x2024: return WB_MNL;      /* ‘ ’ ․ */
        case 0x2027: return WB_ML;                                  /* ‧ */
        case 0x202F: return WB_ENL;                                 /* narrow no-break space */
        case 0x2028: case 0x2029: return WB_NL;
        case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
            return WB_SLOW;                                         /* bidi: Format */
        default: return WB_OTHER;                                   /* dashes, quotes, … ‰ */
        }
    }
    if ((c >= 0x20A0 && c <= 0x20BF) || c == 0x2116)
        return WB_OTHER;                                            /* currency signs, № */
    return WB_SLOW;
}

static inline int cls(const char *str, size_t n, size_t i, size_t *len)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[i];
    if (c < 0x80) {
        *len = 1;
        return WB_ASCII[c];
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < n) {
        *len = 2;
        return class2(((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu));
    }
    if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
        *len = 3;
        return class3(((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu));
    }
    *len = 1;
    return WB_SLOW;
}

int wb_class(const char *s, size_t n, size_t i, size_t *len)
{
    return cls(s, n, i, len);
}

int wb_text_ok(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = (unsigned char)s[i];
        if (c < 0x80) {
            i = utf8_ascii_run(s, i + 1, n); /* English text */
            continue;
        }
        if ((c | 1) == 0xD1 && i + 1 < n) {
            i += 2; /* U+0400..U+047F (Russian) */
            while (i + 8 <= n && utf8_four_cyrillic(s + i))
                i += 8;
            continue;
        }
        size_t len;
        if (cls(s, n, i, &len) == WB_SLOW)
            return 0;
        i += len;
    }
    return 1;
}

size_t wb_next_rules(const char *s, size_t n, size_t b, int32_t *status)
{
    size_t len, i;
    int c = cls(s, n, b, &len);
    i = b + len;
    *status = UBRK_WORD_NONE;
    switch (c) {
    case WB_CR: /* WB3: CR × LF */
        return i < n && s[i] == '\n' ? i + 1 : i;
    case WB_WS: /* WB3d: horizontal white space stays together */
        while (i < n && s[i] == ' ')
            i++;
        return i;
    case WB_AL: case WB_NU: case WB_ENL:
        break;
    default: /* WB999: any other character alone */
        return i;
    }
    /* A word: letters, digits and '_' join each other (WB5, WB8-WB10, WB13a/b); a MidLetter,
     * MidNumLet or quote between two letters (WB6/7) and a MidNum, MidNumLet or quote between
     * two digits (WB11/12) join them. */
    int last = c, before = WB_SLOW; /* classes of the last character and of the one before */
    while (i < n) {
        if (last == WB_AL || last == WB_NU) {
            /* a run of the same class: bytes to step by table (0: not of the run) */
            const uint8_t *run = wb_run_step[last == WB_NU];
            size_t r = i;
            unsigned k;
            while (r < n && (k = run[(unsigned char)s[r]]) != 0)
                r += k;
            if (r > n)
                r -= 2; /* a lead byte cut off at the end (not valid UTF-8): not a letter */
            if (r > i) {
                before = last;
                i = r;
                if (i >= n)
                    break;
            }
        }
        int d = cls(s, n, i, &len);
        if (d == last && d != WB_ENL) {
            /* the common case: more of the same, letters or digits */
            before = last;
            i += len;
            continue;
        }
        if (d == WB_AL || d == WB_NU || d == WB_ENL) {
            before = last;
            last = d;
            i += len;
            continue;
        }
        int mid = (last == WB_AL && (d == WB_ML || d == WB_MNL || d == WB_SQ)) ||
                  (last == WB_NU && (d == WB_MN || d == WB_MNL || d == WB_SQ));
        if (!mid || i + len >= n)
            break;
        size_t len2;
        if (cls(s, n, i + len, &len2) != last)
            break;
        before = d;
        i += len + len2;
    }
    /* ICU's status follows the last letter or digit; a final '_' follows what precedes it
     * (after a digit: a number), and a lone '_' is no word */
    if (last == WB_AL)
        *status = UBRK_WORD_LETTER;
    else if (last == WB_NU)
        *status = UBRK_WORD_NUMBER;
    else if (before != WB_SLOW)
        *status = before == WB_NU ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER;
    return i;
}

int wb_agrees_with_icu(UBreakIterator *bi)
{
    /* every rule above, and a character of every class in and out of a word */
    static const char probe[] =
        "a.b a:b a@b 1@2 @ 1,5 1.5 1;5 a;b a'b 1'2 a\xE2\x80\x99" "b x_y _1 1_ __ _ a1_ 1a_ 1__ a1.5 "
        "a\xC2\xB7" "b a\xE2\x80\xA7" "b a\xE2\x80\xA4" "b 1\xE2\x80\xAF" "300 \r\n\n\x0B\f "
        "  \t\t,,. a. .a 1. a.1 1.a \xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0-\xD1\x91 S\xC3\xA3o "
        "\xC5\xBE\xC4\x8D \xE2\x82\xAC" "5 \xE2\x84\x96" "1 \xC2\xAB\xE2\x80\x9C" "a"
        "\xE2\x80\x9D\xC2\xBB x\xC2\xB2 \xC2\xA0 \xD2\x82\xD3\x99 \xC2\xAA\xC2\xB5 \xC3\x97"
        "\xE2\x80\x94\xE2\x80\xA6 a\"b";
    size_t n = sizeof probe - 1;
    UChar u[sizeof probe];
    int32_t un = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(u, (int32_t)(sizeof u / sizeof u[0]), &un, probe, (int32_t)n, &err);
    if (U_FAILURE(err))
        return 0;
    ubrk_setText(bi, u, un, &err);
    if (U_FAILURE(err))
        return 0;
    int ok = 1;
    size_t b = 0, cb = 0; /* byte offset, and the UTF-16 index it maps to (all BMP) */
    int32_t cu = 0;
    ubrk_first(bi);
    for (int32_t e; ok && (e = ubrk_next(bi)) != UBRK_DONE;) {
        while (cu < e && cb < n) {
            size_t len;
            (void)wb_class(probe, n, cb, &len);
            cb += len;
            cu++;
        }
        int32_t st;
        size_t fe = wb_next(probe, n, b, &st);
        ok = fe == cb && st == ubrk_getRuleStatus(bi);
        b = fe;
    }
    ok = ok && b == n;
    static const UChar none[1] = {0};
    err = U_ZERO_ERROR;
    ubrk_setText(bi, none, 0, &err);
    return ok;
}
