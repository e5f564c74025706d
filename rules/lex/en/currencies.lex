# Currency names, abbreviations and symbols; canon = ISO 4217 code.
# Bare names shared by several currencies go to the most likely one in
# international news (manat => AZN, som => KGS, krone => NOK, franc => CHF,
# rupee => INR, peso => MXN, lira => TRY, dirham => AED); bare dinar, riyal
# and rial are left out because any choice would be a guess.
# Bare "real" and "won" are left out (ordinary English words); codes that are
# English words (TRY, RUB, AMD, GEL) carry the tag homograph.

# Symbols
$ => USD | currency symbol
US$ => USD | currency symbol
€ => EUR | currency symbol
£ => GBP | currency symbol
¥ => JPY | currency symbol
₽ => RUB | currency symbol
₸ => KZT | currency symbol
₴ => UAH | currency symbol
₹ => INR | currency symbol
₺ => TRY | currency symbol
₩ => KRW | currency symbol
₼ => AZN | currency symbol
₾ => GEL | currency symbol
₪ => ILS | currency symbol
₫ => VND | currency symbol
₱ => PHP | currency symbol
₦ => NGN | currency symbol
฿ => THB | currency symbol
֏ => AMD | currency symbol

# ISO codes used as words
USD | currency code
EUR | currency code
GBP | currency code
JPY | currency code
CNY | currency code
RUB | currency code homograph
KZT | currency code
KGS | currency code
UZS | currency code
TJS | currency code
TMT | currency code
AZN | currency code
AMD | currency code homograph
GEL | currency code homograph
UAH | currency code
BYN | currency code
TRY | currency code homograph
INR | currency code
CHF | currency code
CAD | currency code
AUD | currency code
SEK | currency code
NOK | currency code
PLN | currency code

# US dollar
dollar => USD | currency
dollars => USD | currency
US dollar => USD | currency
US dollars => USD | currency
American dollar => USD | currency
American dollars => USD | currency
greenback => USD | currency
greenbacks => USD | currency

# Other dollars
Canadian dollar => CAD | currency
Canadian dollars => CAD | currency
Australian dollar => AUD | currency
Australian dollars => AUD | currency
New Zealand dollar => NZD | currency
New Zealand dollars => NZD | currency
Hong Kong dollar => HKD | currency
Hong Kong dollars => HKD | currency
Singapore dollar => SGD | currency
Singapore dollars => SGD | currency

# Euro
euro => EUR | currency
euros => EUR | currency

# Pound sterling and other pounds
pound => GBP | currency
pounds => GBP | currency
pound sterling => GBP | currency
pounds sterling => GBP | currency
sterling => GBP | currency
British pound => GBP | currency
British pounds => GBP | currency
Egyptian pound => EGP | currency
Egyptian pounds => EGP | currency

# Rouble / ruble
rouble => RUB | currency
roubles => RUB | currency
ruble => RUB | currency
rubles => RUB | currency
Russian rouble => RUB | currency
Russian roubles => RUB | currency
Russian ruble => RUB | currency
Russian rubles => RUB | currency
Belarusian rouble => BYN | currency
Belarusian roubles => BYN | currency
Belarusian ruble => BYN | currency
Belarusian rubles => BYN | currency

# Central Asia and the Caucasus
tenge => KZT | currency
Kazakh tenge => KZT | currency
Kazakhstani tenge => KZT | currency
som => KGS | currency
soms => KGS | currency
Kyrgyz som => KGS | currency
Kyrgyz soms => KGS | currency
Uzbek som => UZS | currency
Uzbek soms => UZS | currency
Uzbek sum => UZS | currency
soum => UZS | currency
soums => UZS | currency
somoni => TJS | currency
Tajik somoni => TJS | currency
manat => AZN | currency
manats => AZN | currency
Azerbaijani manat => AZN | currency
Azerbaijani manats => AZN | currency
Turkmen manat => TMT | currency
Turkmen manats => TMT | currency
lari => GEL | currency
Georgian lari => GEL | currency
dram => AMD | currency
drams => AMD | currency
Armenian dram => AMD | currency
Armenian drams => AMD | currency
hryvnia => UAH | currency
hryvnias => UAH | currency
hryvnya => UAH | currency
hryvnyas => UAH | currency
Ukrainian hryvnia => UAH | currency
tugrik => MNT | currency
tugriks => MNT | currency
togrog => MNT | currency

# Asia
yuan => CNY | currency
renminbi => CNY | currency
RMB => CNY | currency
Chinese yuan => CNY | currency
yen => JPY | currency
Japanese yen => JPY | currency
South Korean won => KRW | currency
rupee => INR | currency
rupees => INR | currency
Indian rupee => INR | currency
Indian rupees => INR | currency
Pakistani rupee => PKR | currency
Pakistani rupees => PKR | currency
taka => BDT | currency
afghani => AFN | currency
afghanis => AFN | currency
baht => THB | currency
ringgit => MYR | currency
rupiah => IDR | currency
dong => VND | currency
Vietnamese dong => VND | currency
Philippine peso => PHP | currency
Philippine pesos => PHP | currency

# Middle East
Turkish lira => TRY | currency
Turkish liras => TRY | currency
lira => TRY | currency
liras => TRY | currency
UAE dirham => AED | currency
UAE dirhams => AED | currency
dirham => AED | currency
dirhams => AED | currency
Saudi riyal => SAR | currency
Saudi riyals => SAR | currency
Qatari riyal => QAR | currency
Qatari riyals => QAR | currency
Iranian rial => IRR | currency
Iranian rials => IRR | currency
Kuwaiti dinar => KWD | currency
Kuwaiti dinars => KWD | currency
Iraqi dinar => IQD | currency
Iraqi dinars => IQD | currency
shekel => ILS | currency
shekels => ILS | currency
new shekel => ILS | currency
new shekels => ILS | currency

# Europe outside the euro area
Swiss franc => CHF | currency
Swiss francs => CHF | currency
franc => CHF | currency
francs => CHF | currency
Swedish krona => SEK | currency
Swedish kronor => SEK | currency
krona => SEK | currency
kronor => SEK | currency
Norwegian krone => NOK | currency
Norwegian kroner => NOK | currency
Danish krone => DKK | currency
Danish kroner => DKK | currency
krone => NOK | currency
kroner => NOK | currency
zloty => PLN | currency
zlotys => PLN | currency
forint => HUF | currency
forints => HUF | currency
koruna => CZK | currency
Czech koruna => CZK | currency
Czech korunas => CZK | currency
Romanian leu => RON | currency
Moldovan leu => MDL | currency
lei => RON | currency
Bulgarian lev => BGN | currency
leva => BGN | currency

# Americas and Africa
peso => MXN | currency
pesos => MXN | currency
Mexican peso => MXN | currency
Mexican pesos => MXN | currency
Argentine peso => ARS | currency
Argentine pesos => ARS | currency
reais => BRL | currency
Brazilian real => BRL | currency
Brazilian reais => BRL | currency
rand => ZAR | currency
South African rand => ZAR | currency
naira => NGN | currency
Nigerian naira => NGN | currency
CFA franc => XOF | currency
CFA francs => XOF | currency

# Crypto (not ISO 4217; XBT is the customary code)
bitcoin => XBT | currency crypto
bitcoins => XBT | currency crypto
