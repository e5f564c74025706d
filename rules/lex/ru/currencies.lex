# Currency names in Russian, nominative singular (the compiler generates the
# inflected forms; indeclinable names such as евро, тенге, сомони, лари stay
# as written); canon = ISO 4217 code. Tag: currency; abbr for abbreviations.
# A bare name shared by several currencies goes to the currency named in the
# brief or most likely in Central Asian and Russian news: манат => TMT
# (азербайджанский манат => AZN), сом => KGS, рупия => INR, песо => MXN,
# лира => TRY, франк => CHF, крона => SEK, динар and риал/риял are listed
# only with their country adjective. Abbreviations are written without the
# dot (a trailing dot is a separate token).

# Центральная Азия и СНГ
тенге => KZT | currency
казахстанский тенге => KZT | currency
тг => KZT | currency abbr
рубль => RUB | currency
российский рубль => RUB | currency
руб => RUB | currency abbr
белорусский рубль => BYN | currency
сом => KGS | currency
кыргызский сом => KGS | currency
киргизский сом => KGS | currency
сум => UZS | currency
узбекский сум => UZS | currency
сомони => TJS | currency
таджикский сомони => TJS | currency
манат => TMT | currency
туркменский манат => TMT | currency
азербайджанский манат => AZN | currency
гривна => UAH | currency
гривня => UAH | currency
украинская гривна => UAH | currency
грн => UAH | currency abbr
лари => GEL | currency
грузинский лари => GEL | currency
драм => AMD | currency
армянский драм => AMD | currency
молдавский лей => MDL | currency
тугрик => MNT | currency

# Доллар и евро
доллар => USD | currency
доллар США => USD | currency
американский доллар => USD | currency
долл => USD | currency abbr
бакс => USD | currency slang
евро => EUR | currency
канадский доллар => CAD | currency
австралийский доллар => AUD | currency
новозеландский доллар => NZD | currency
гонконгский доллар => HKD | currency
сингапурский доллар => SGD | currency
тайваньский доллар => TWD | currency

# Европа
фунт стерлингов => GBP | currency
фунт => GBP | currency
британский фунт => GBP | currency
швейцарский франк => CHF | currency
франк => CHF | currency
злотый => PLN | currency
польский злотый => PLN | currency
крона => SEK | currency
шведская крона => SEK | currency
норвежская крона => NOK | currency
датская крона => DKK | currency
чешская крона => CZK | currency
исландская крона => ISK | currency
форинт => HUF | currency
венгерский форинт => HUF | currency
румынский лей => RON | currency
болгарский лев => BGN | currency
сербский динар => RSD | currency
турецкая лира => TRY | currency
лира => TRY | currency

# Азия и Ближний Восток
юань => CNY | currency
китайский юань => CNY | currency
жэньминьби => CNY | currency
иена => JPY | currency
йена => JPY | currency
японская иена => JPY | currency
японская йена => JPY | currency
вона => KRW | currency
южнокорейская вона => KRW | currency
рупия => INR | currency
индийская рупия => INR | currency
пакистанская рупия => PKR | currency
индонезийская рупия => IDR | currency
бат => THB | currency
тайский бат => THB | currency
донг => VND | currency
вьетнамский донг => VND | currency
ринггит => MYR | currency
малайзийский ринггит => MYR | currency
афгани => AFN | currency
иранский риал => IRR | currency
саудовский риял => SAR | currency
саудовский риал => SAR | currency
катарский риал => QAR | currency
дирхам => AED | currency
дирхам ОАЭ => AED | currency
кувейтский динар => KWD | currency
иорданский динар => JOD | currency
бахрейнский динар => BHD | currency
шекель => ILS | currency
израильский шекель => ILS | currency

# Америка и Африка
реал => BRL | currency
бразильский реал => BRL | currency
песо => MXN | currency
мексиканское песо => MXN | currency
аргентинское песо => ARS | currency
чилийское песо => CLP | currency
ранд => ZAR | currency
южноафриканский ранд => ZAR | currency
египетский фунт => EGP | currency
найра => NGN | currency

# Криптовалюты (не ISO 4217; коды как на биржах)
биткоин => BTC | currency crypto
биткойн => BTC | currency crypto
эфириум => ETH | currency crypto
