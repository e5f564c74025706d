# Head nouns that start an organization name when followed by a genitive
# chain, an adjective + noun, a quoted name or a proper name
# ("Министерство иностранных дел", "комитет по делам молодежи",
# "ТОО «Казахмыс»"). Nominative singular; the compiler generates the
# inflected forms. Tag: orghead. Legal-form abbreviations (АО, ТОО, ООО...)
# start a name followed by a quoted name and carry legal.

# Органы власти
министерство | orghead
ведомство | orghead
комитет | orghead
госкомитет | orghead
комиссия | orghead
совет | orghead
кабинет министров | orghead
правительство | orghead
администрация | orghead
аппарат | orghead
акимат | orghead
хокимият | orghead
мэрия | orghead
муниципалитет | orghead
маслихат | orghead
кенеш | orghead
парламент | orghead
мажилис | orghead
меджлис | orghead
сенат | orghead
дума | orghead
курултай | orghead
хурал | orghead
собрание | orghead
ассамблея | orghead
палата | orghead
агентство | orghead
служба | orghead
департамент | orghead
управление | orghead
отдел | orghead
инспекция | orghead
дирекция | orghead
секретариат | orghead
канцелярия | orghead
представительство | orghead
посольство | orghead
консульство | orghead
генконсульство | orghead
миссия | orghead
штаб | orghead
командование | orghead

# Суды и правоохранительные органы
суд | orghead
трибунал | orghead
прокуратура | orghead
коллегия | orghead
полиция | orghead
гвардия | orghead

# Финансы и бизнес
банк | orghead
нацбанк | orghead
фонд | orghead
биржа | orghead
компания | orghead
госкомпания | orghead
корпорация | orghead
госкорпорация | orghead
холдинг | orghead
концерн | orghead
консорциум | orghead
группа компаний | orghead
предприятие | orghead
госпредприятие | orghead
завод | orghead
фабрика | orghead
комбинат | orghead
кооператив | orghead
товарищество | orghead
АО | orghead legal
ТОО | orghead legal
ООО | orghead legal
ОАО | orghead legal
ЗАО | orghead legal
ПАО | orghead legal
НАО | orghead legal
РГП | orghead legal
ГКП | orghead legal
КГУ | orghead legal
ГУ | orghead legal
ОО | orghead legal
ОФ | orghead legal
ИП | orghead legal

# Общественные объединения и партии
организация | orghead
ассоциация | orghead
союз | orghead
объединение | orghead
федерация | orghead
конфедерация | orghead
альянс | orghead
лига | orghead
общество | orghead
движение | orghead
партия | orghead
профсоюз | orghead
палата предпринимателей | orghead
клуб | orghead

# Наука, образование, культура, медицина
академия | orghead
университет | orghead
институт | orghead
колледж | orghead
лицей | orghead
гимназия | orghead
школа | orghead
центр | orghead
научный центр | orghead
лаборатория | orghead
больница | orghead
клиника | orghead
госпиталь | orghead
поликлиника | orghead
музей | orghead
театр | orghead
библиотека | orghead

# СМИ
агентство новостей | orghead
информагентство | orghead
телеканал | orghead
радиостанция | orghead
газета | orghead
журнал | orghead
издательство | orghead
редакция | orghead
фронт | orghead
