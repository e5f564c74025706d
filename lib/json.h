/* json.h: JSON writing helpers. */
#ifndef FACTA_JSON_H
#define FACTA_JSON_H

#include "facta_internal.h"

/* Append s[0, n) as a JSON string: quotes, backslashes and control characters escaped;
 * other bytes (valid UTF-8) pass through. */
void json_string(fbuf *b, const char *s, size_t n);

/* Append a number without loss: integers without a fraction, others in the shortest form
 * that reads back to the same double; NaN and infinities as null. */
void json_number(fbuf *b, double d);

#endif
