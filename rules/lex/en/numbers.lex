# English number words; canon = numeric value.
# Tags: unit (0-9), teen (10-19), tens (20-90), hundreds, mult (thousand and up),
# frac (fractions; canon = value), dozen, ordinal (canon = the number;
# ordinals that also name a fraction carry frac=VALUE).
# Digit ordinals (1st, 2nd...) are not words and are left to the tokenizer.
# compound: hyphenated cardinals 21-99 (twenty-one), one token each; number() reads
# them part by part. Hyphenated compound ordinals are listed for 21-99 too.

# Units
zero => 0 | unit
one => 1 | unit
two => 2 | unit
three => 3 | unit
four => 4 | unit
five => 5 | unit
six => 6 | unit
seven => 7 | unit
eight => 8 | unit
nine => 9 | unit

# Teens
ten => 10 | teen
eleven => 11 | teen
twelve => 12 | teen
thirteen => 13 | teen
fourteen => 14 | teen
fifteen => 15 | teen
sixteen => 16 | teen
seventeen => 17 | teen
eighteen => 18 | teen
nineteen => 19 | teen

# Tens
twenty => 20 | tens
thirty => 30 | tens
forty => 40 | tens
fifty => 50 | tens
sixty => 60 | tens
seventy => 70 | tens
eighty => 80 | tens
ninety => 90 | tens

# Compound cardinals 21-99
twenty-one => 21 | compound
twenty-two => 22 | compound
twenty-three => 23 | compound
twenty-four => 24 | compound
twenty-five => 25 | compound
twenty-six => 26 | compound
twenty-seven => 27 | compound
twenty-eight => 28 | compound
twenty-nine => 29 | compound
thirty-one => 31 | compound
thirty-two => 32 | compound
thirty-three => 33 | compound
thirty-four => 34 | compound
thirty-five => 35 | compound
thirty-six => 36 | compound
thirty-seven => 37 | compound
thirty-eight => 38 | compound
thirty-nine => 39 | compound
forty-one => 41 | compound
forty-two => 42 | compound
forty-three => 43 | compound
forty-four => 44 | compound
forty-five => 45 | compound
forty-six => 46 | compound
forty-seven => 47 | compound
forty-eight => 48 | compound
forty-nine => 49 | compound
fifty-one => 51 | compound
fifty-two => 52 | compound
fifty-three => 53 | compound
fifty-four => 54 | compound
fifty-five => 55 | compound
fifty-six => 56 | compound
fifty-seven => 57 | compound
fifty-eight => 58 | compound
fifty-nine => 59 | compound
sixty-one => 61 | compound
sixty-two => 62 | compound
sixty-three => 63 | compound
sixty-four => 64 | compound
sixty-five => 65 | compound
sixty-six => 66 | compound
sixty-seven => 67 | compound
sixty-eight => 68 | compound
sixty-nine => 69 | compound
seventy-one => 71 | compound
seventy-two => 72 | compound
seventy-three => 73 | compound
seventy-four => 74 | compound
seventy-five => 75 | compound
seventy-six => 76 | compound
seventy-seven => 77 | compound
seventy-eight => 78 | compound
seventy-nine => 79 | compound
eighty-one => 81 | compound
eighty-two => 82 | compound
eighty-three => 83 | compound
eighty-four => 84 | compound
eighty-five => 85 | compound
eighty-six => 86 | compound
eighty-seven => 87 | compound
eighty-eight => 88 | compound
eighty-nine => 89 | compound
ninety-one => 91 | compound
ninety-two => 92 | compound
ninety-three => 93 | compound
ninety-four => 94 | compound
ninety-five => 95 | compound
ninety-six => 96 | compound
ninety-seven => 97 | compound
ninety-eight => 98 | compound
ninety-nine => 99 | compound

# Hundreds
hundred => 100 | hundreds
hundreds => 100 | hundreds

# Multipliers (with news abbreviations)
thousand => 1000 | mult
thousands => 1000 | mult
million => 1000000 | mult
millions => 1000000 | mult
mn => 1000000 | mult
mln => 1000000 | mult
mio => 1000000 | mult
billion => 1000000000 | mult
billions => 1000000000 | mult
bn => 1000000000 | mult
bln => 1000000000 | mult
trillion => 1000000000000 | mult
trillions => 1000000000000 | mult
tn => 1000000000000 | mult
trln => 1000000000000 | mult
lakh => 100000 | mult
lakhs => 100000 | mult
crore => 10000000 | mult
crores => 10000000 | mult

# Dozen
dozen => 12 | dozen
dozens => 12 | dozen

# Fractions (plural forms; singular forms third..tenth are with the ordinals)
half => 0.5 | frac
halves => 0.5 | frac
quarter => 0.25 | frac
quarters => 0.25 | frac
thirds => 1/3 | frac
fifths => 0.2 | frac
sixths => 1/6 | frac
sevenths => 1/7 | frac
eighths => 0.125 | frac
ninths => 1/9 | frac
tenths => 0.1 | frac
hundredths => 0.01 | frac
thousandths => 0.001 | frac

# Ordinals
first => 1 | ordinal
second => 2 | ordinal
third => 3 | ordinal frac=1/3
fourth => 4 | ordinal frac=0.25
fifth => 5 | ordinal frac=0.2
sixth => 6 | ordinal frac=1/6
seventh => 7 | ordinal frac=1/7
eighth => 8 | ordinal frac=0.125
ninth => 9 | ordinal frac=1/9
tenth => 10 | ordinal frac=0.1
eleventh => 11 | ordinal
twelfth => 12 | ordinal
thirteenth => 13 | ordinal
fourteenth => 14 | ordinal
fifteenth => 15 | ordinal
sixteenth => 16 | ordinal
seventeenth => 17 | ordinal
eighteenth => 18 | ordinal
nineteenth => 19 | ordinal
twentieth => 20 | ordinal
thirtieth => 30 | ordinal
fortieth => 40 | ordinal
fiftieth => 50 | ordinal
sixtieth => 60 | ordinal
seventieth => 70 | ordinal
eightieth => 80 | ordinal
ninetieth => 90 | ordinal
hundredth => 100 | ordinal frac=0.01
thousandth => 1000 | ordinal frac=0.001
millionth => 1000000 | ordinal frac=0.000001
billionth => 1000000000 | ordinal

# Compound ordinals 21-99
twenty-first => 21 | ordinal
twenty-second => 22 | ordinal
twenty-third => 23 | ordinal
twenty-fourth => 24 | ordinal
twenty-fifth => 25 | ordinal
twenty-sixth => 26 | ordinal
twenty-seventh => 27 | ordinal
twenty-eighth => 28 | ordinal
twenty-ninth => 29 | ordinal
thirty-first => 31 | ordinal
thirty-second => 32 | ordinal
thirty-third => 33 | ordinal
thirty-fourth => 34 | ordinal
thirty-fifth => 35 | ordinal
thirty-sixth => 36 | ordinal
thirty-seventh => 37 | ordinal
thirty-eighth => 38 | ordinal
thirty-ninth => 39 | ordinal
forty-first => 41 | ordinal
forty-second => 42 | ordinal
forty-third => 43 | ordinal
forty-fourth => 44 | ordinal
forty-fifth => 45 | ordinal
forty-sixth => 46 | ordinal
forty-seventh => 47 | ordinal
forty-eighth => 48 | ordinal
forty-ninth => 49 | ordinal
fifty-first => 51 | ordinal
fifty-second => 52 | ordinal
fifty-third => 53 | ordinal
fifty-fourth => 54 | ordinal
fifty-fifth => 55 | ordinal
fifty-sixth => 56 | ordinal
fifty-seventh => 57 | ordinal
fifty-eighth => 58 | ordinal
fifty-ninth => 59 | ordinal
sixty-first => 61 | ordinal
sixty-second => 62 | ordinal
sixty-third => 63 | ordinal
sixty-fourth => 64 | ordinal
sixty-fifth => 65 | ordinal
sixty-sixth => 66 | ordinal
sixty-seventh => 67 | ordinal
sixty-eighth => 68 | ordinal
sixty-ninth => 69 | ordinal
seventy-first => 71 | ordinal
seventy-second => 72 | ordinal
seventy-third => 73 | ordinal
seventy-fourth => 74 | ordinal
seventy-fifth => 75 | ordinal
seventy-sixth => 76 | ordinal
seventy-seventh => 77 | ordinal
seventy-eighth => 78 | ordinal
seventy-ninth => 79 | ordinal
eighty-first => 81 | ordinal
eighty-second => 82 | ordinal
eighty-third => 83 | ordinal
eighty-fourth => 84 | ordinal
eighty-fifth => 85 | ordinal
eighty-sixth => 86 | ordinal
eighty-seventh => 87 | ordinal
eighty-eighth => 88 | ordinal
eighty-ninth => 89 | ordinal
ninety-first => 91 | ordinal
ninety-second => 92 | ordinal
ninety-third => 93 | ordinal
ninety-fourth => 94 | ordinal
ninety-fifth => 95 | ordinal
ninety-sixth => 96 | ordinal
ninety-seventh => 97 | ordinal
ninety-eighth => 98 | ordinal
ninety-ninth => 99 | ordinal
