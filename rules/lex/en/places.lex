# Places that are not sovereign countries (countries themselves come from
# ICU data), plus alternative names of countries.
# Tags: city / region / country; country=XX is the ISO 3166-1 alpha-2 code
# of the country a city or region belongs to (XK for Kosovo); country
# aliases carry code=XX instead. World regions have no country.
# Former and alternative names map to the current English name.
# Disputed territories carry the code of the internationally recognized
# state (UN/ISO view), e.g. Crimea => UA, Abkhazia => GE.
# homograph = also an ordinary English word (US, Nice, Split...), so rules
# may want capitalization before trusting it.
# US state Georgia is left out (collides with the country Georgia);
# Washington is the city, the state is "Washington State".

# Kazakhstan: cities
Astana | city country=KZ
Nur-Sultan => Astana | city country=KZ
Akmolinsk => Astana | city country=KZ
Tselinograd => Astana | city country=KZ
Almaty | city country=KZ
Alma-Ata => Almaty | city country=KZ
Shymkent | city country=KZ
Chimkent => Shymkent | city country=KZ
Karaganda | city country=KZ
Karagandy => Karaganda | city country=KZ
Qaragandy => Karaganda | city country=KZ
Aktobe | city country=KZ
Aktyubinsk => Aktobe | city country=KZ
Taraz | city country=KZ
Dzhambul => Taraz | city country=KZ
Zyryanovsk | city country=KZ
Pavlodar | city country=KZ
Ust-Kamenogorsk => Oskemen | city country=KZ
Oskemen | city country=KZ
Semey | city country=KZ
Semipalatinsk => Semey | city country=KZ
Atyrau | city country=KZ
Kostanay | city country=KZ
Kostanai => Kostanay | city country=KZ
Kyzylorda | city country=KZ
Kzyl-Orda => Kyzylorda | city country=KZ
Uralsk | city country=KZ
Oral => Uralsk | city country=KZ homograph
Petropavl | city country=KZ
Petropavlovsk => Petropavl | city country=KZ
Aktau | city country=KZ
Temirtau | city country=KZ
Turkistan | city country=KZ
Turkestan => Turkistan | city country=KZ
Kokshetau | city country=KZ
Taldykorgan | city country=KZ
Ekibastuz | city country=KZ
Rudny | city country=KZ
Zhanaozen | city country=KZ
Zhezkazgan | city country=KZ
Jezkazgan => Zhezkazgan | city country=KZ
Balkhash | city country=KZ
Konaev | city country=KZ
Kapchagay => Konaev | city country=KZ
Kapshagay => Konaev | city country=KZ
Satpayev | city country=KZ
Stepnogorsk | city country=KZ
Kentau | city country=KZ
Baikonur | city country=KZ
Kurchatov | city country=KZ
Aralsk | city country=KZ
Shchuchinsk | city country=KZ
Burabay | city country=KZ
Borovoe => Burabay | city country=KZ
Zhetisay | city country=KZ
Saryagash | city country=KZ
Aksu | city country=KZ
Ridder | city country=KZ
Talgar | city country=KZ
Kaskelen | city country=KZ
Esik | city country=KZ
Shardara | city country=KZ
Arkalyk | city country=KZ
Lisakovsk | city country=KZ
Khromtau | city country=KZ
Kulsary | city country=KZ
Beineu | city country=KZ
Zharkent | city country=KZ
Ayagoz | city country=KZ
Priozersk | city country=KZ
Shakhtinsk | city country=KZ
Saran | city country=KZ
Khorgos | city country=KZ

# Kazakhstan: regions
Abai Region | region country=KZ
Abay Region => Abai Region | region country=KZ
Akmola Region | region country=KZ
Akmola => Akmola Region | region country=KZ
Akmola Oblast => Akmola Region | region country=KZ
Aktobe Region | region country=KZ
Aktobe Oblast => Aktobe Region | region country=KZ
Almaty Region | region country=KZ
Almaty Oblast => Almaty Region | region country=KZ
Atyrau Region | region country=KZ
Atyrau Oblast => Atyrau Region | region country=KZ
East Kazakhstan | region country=KZ
East Kazakhstan Region => East Kazakhstan | region country=KZ
East Kazakhstan Oblast => East Kazakhstan | region country=KZ
Zhambyl Region | region country=KZ
Zhambyl => Zhambyl Region | region country=KZ
Jambyl Region => Zhambyl Region | region country=KZ
Zhambyl Oblast => Zhambyl Region | region country=KZ
Zhetysu Region | region country=KZ
Zhetisu Region => Zhetysu Region | region country=KZ
Jetisu Region => Zhetysu Region | region country=KZ
Karaganda Region | region country=KZ
Karagandy Region => Karaganda Region | region country=KZ
Karaganda Oblast => Karaganda Region | region country=KZ
Kostanay Region | region country=KZ
Kostanai Region => Kostanay Region | region country=KZ
Kostanay Oblast => Kostanay Region | region country=KZ
Kyzylorda Region | region country=KZ
Kyzylorda Oblast => Kyzylorda Region | region country=KZ
Mangystau Region | region country=KZ
Mangistau Region => Mangystau Region | region country=KZ
Mangystau | region country=KZ
Mangyshlak => Mangystau | region country=KZ
North Kazakhstan | region country=KZ
North Kazakhstan Region => North Kazakhstan | region country=KZ
North Kazakhstan Oblast => North Kazakhstan | region country=KZ
Pavlodar Region | region country=KZ
Pavlodar Oblast => Pavlodar Region | region country=KZ
Turkistan Region | region country=KZ
Turkestan Region => Turkistan Region | region country=KZ
Turkistan Oblast => Turkistan Region | region country=KZ
South Kazakhstan => Turkistan Region | region country=KZ
Ulytau Region | region country=KZ
Ulytau | region country=KZ
West Kazakhstan | region country=KZ
West Kazakhstan Region => West Kazakhstan | region country=KZ
West Kazakhstan Oblast => West Kazakhstan | region country=KZ
Semipalatinsk Test Site | region country=KZ
Lake Balkhash | region country=KZ

# Kyrgyzstan
Bishkek | city country=KG
Frunze => Bishkek | city country=KG
Osh | city country=KG
Jalal-Abad | city country=KG
Karakol | city country=KG
Przhevalsk => Karakol | city country=KG
Tokmok | city country=KG
Tokmak => Tokmok | city country=KG
Naryn | city country=KG
Talas | city country=KG
Batken | city country=KG
Kara-Balta | city country=KG
Cholpon-Ata | city country=KG
Uzgen | city country=KG
Issyk-Kul | region country=KG
Issyk-Kul Region => Issyk-Kul | region country=KG
Lake Issyk-Kul => Issyk-Kul | region country=KG
Chui Region | region country=KG
Chuy Region => Chui Region | region country=KG
Osh Region | region country=KG
Jalal-Abad Region | region country=KG
Naryn Region | region country=KG
Talas Region | region country=KG
Batken Region | region country=KG

# Uzbekistan
Tashkent | city country=UZ
Toshkent => Tashkent | city country=UZ
Samarkand | city country=UZ
Samarqand => Samarkand | city country=UZ
Bukhara | city country=UZ
Buxoro => Bukhara | city country=UZ
Khiva | city country=UZ
Namangan | city country=UZ
Andijan | city country=UZ
Andijon => Andijan | city country=UZ
Fergana | city country=UZ
Ferghana => Fergana | city country=UZ
Nukus | city country=UZ
Karshi | city country=UZ
Qarshi => Karshi | city country=UZ
Termez | city country=UZ
Urgench | city country=UZ
Navoi | city country=UZ
Navoiy => Navoi | city country=UZ
Jizzakh | city country=UZ
Gulistan | city country=UZ
Kokand | city country=UZ
Qoqon => Kokand | city country=UZ
Margilan | city country=UZ
Chirchik | city country=UZ
Angren | city country=UZ
Almalyk | city country=UZ
Shakhrisabz | city country=UZ
Karakalpakstan | region country=UZ
Tashkent Region | region country=UZ
Samarkand Region | region country=UZ
Bukhara Region | region country=UZ
Khorezm | region country=UZ
Kashkadarya | region country=UZ
Surkhandarya | region country=UZ

# Tajikistan
Dushanbe | city country=TJ
Stalinabad => Dushanbe | city country=TJ
Khujand | city country=TJ
Leninabad => Khujand | city country=TJ
Kulob | city country=TJ
Kulyab => Kulob | city country=TJ
Bokhtar | city country=TJ
Qurghonteppa => Bokhtar | city country=TJ
Kurgan-Tyube => Bokhtar | city country=TJ
Khorog | city country=TJ
Istaravshan | city country=TJ
Panjakent | city country=TJ
Penjikent => Panjakent | city country=TJ
Isfara | city country=TJ
Tursunzoda | city country=TJ
Vahdat | city country=TJ
Gorno-Badakhshan | region country=TJ
GBAO => Gorno-Badakhshan | region country=TJ
Khatlon | region country=TJ
Sughd | region country=TJ
Rasht Valley | region country=TJ

# Turkmenistan
Ashgabat | city country=TM
Ashkhabad => Ashgabat | city country=TM
Turkmenabat | city country=TM
Chardzhou => Turkmenabat | city country=TM
Dashoguz | city country=TM
Balkanabat | city country=TM
Turkmenbashi | city country=TM
Krasnovodsk => Turkmenbashi | city country=TM
Arkadag | city country=TM
Awaza | city country=TM
Akhal | region country=TM
Lebap | region country=TM
Karakum | region country=TM
Karakum Desert => Karakum | region country=TM

# Azerbaijan, Armenia, Georgia
Baku | city country=AZ
Ganja | city country=AZ
Sumgait | city country=AZ
Sumqayit => Sumgait | city country=AZ
Lankaran | city country=AZ
Shusha | city country=AZ
Shushi => Shusha | city country=AZ
Khankendi | city country=AZ
Stepanakert => Khankendi | city country=AZ
Nakhchivan | city country=AZ
Mingachevir | city country=AZ
Nagorno-Karabakh | region country=AZ
Karabakh | region country=AZ
Absheron | region country=AZ
Yerevan | city country=AM
Gyumri | city country=AM
Vanadzor | city country=AM
Tbilisi | city country=GE
Tiflis => Tbilisi | city country=GE
Batumi | city country=GE
Kutaisi | city country=GE
Rustavi | city country=GE
Sukhumi | city country=GE
Tskhinvali | city country=GE
Abkhazia | region country=GE
South Ossetia | region country=GE
Adjara | region country=GE
Ajaria => Adjara | region country=GE

# Belarus, Ukraine, Moldova
Minsk | city country=BY
Brest | city country=BY
Grodno | city country=BY
Hrodna => Grodno | city country=BY
Gomel | city country=BY
Homel => Gomel | city country=BY
Vitebsk | city country=BY
Mogilev | city country=BY
Babruysk | city country=BY
Bobruisk => Babruysk | city country=BY
Kyiv | city country=UA
Kiev => Kyiv | city country=UA
Kharkiv | city country=UA
Kharkov => Kharkiv | city country=UA
Odesa | city country=UA
Odessa => Odesa | city country=UA
Lviv | city country=UA
Lvov => Lviv | city country=UA
Dnipro | city country=UA
Dnipropetrovsk => Dnipro | city country=UA
Donetsk | city country=UA
Luhansk | city country=UA
Lugansk => Luhansk | city country=UA
Zaporizhzhia | city country=UA
Zaporozhye => Zaporizhzhia | city country=UA
Mariupol | city country=UA
Kherson | city country=UA
Mykolaiv | city country=UA
Nikolaev => Mykolaiv | city country=UA
Sevastopol | city country=UA
Simferopol | city country=UA
Chernihiv | city country=UA
Sumy | city country=UA
Poltava | city country=UA
Vinnytsia | city country=UA
Chernobyl | city country=UA
Chornobyl => Chernobyl | city country=UA
Bakhmut | city country=UA
Kramatorsk | city country=UA
Uzhhorod | city country=UA
Ivano-Frankivsk | city country=UA
Ternopil | city country=UA
Zhytomyr | city country=UA
Donbas | region country=UA
Donbass => Donbas | region country=UA
Crimea | region country=UA
Crimean Peninsula => Crimea | region country=UA
Chisinau | city country=MD
Kishinev => Chisinau | city country=MD
Tiraspol | city country=MD
Balti | city country=MD
Comrat | city country=MD
Transnistria | region country=MD
Pridnestrovie => Transnistria | region country=MD
Gagauzia | region country=MD

# Russia: cities
Moscow | city country=RU
Saint Petersburg | city country=RU
St Petersburg => Saint Petersburg | city country=RU
Petersburg => Saint Petersburg | city country=RU
Leningrad => Saint Petersburg | city country=RU
Petrograd => Saint Petersburg | city country=RU
Novosibirsk | city country=RU
Yekaterinburg | city country=RU
Ekaterinburg => Yekaterinburg | city country=RU
Sverdlovsk => Yekaterinburg | city country=RU
Kazan | city country=RU
Nizhny Novgorod | city country=RU
Chelyabinsk | city country=RU
Samara | city country=RU
Kuibyshev => Samara | city country=RU
Omsk | city country=RU
Rostov-on-Don | city country=RU
Rostov => Rostov-on-Don | city country=RU
Ufa | city country=RU
Krasnoyarsk | city country=RU
Voronezh | city country=RU
Perm | city country=RU
Volgograd | city country=RU
Stalingrad => Volgograd | city country=RU
Krasnodar | city country=RU
Saratov | city country=RU
Tyumen | city country=RU
Tolyatti | city country=RU
Togliatti => Tolyatti | city country=RU
Izhevsk | city country=RU
Barnaul | city country=RU
Ulyanovsk | city country=RU
Irkutsk | city country=RU
Khabarovsk | city country=RU
Yaroslavl | city country=RU
Vladivostok | city country=RU
Makhachkala | city country=RU
Tomsk | city country=RU
Orenburg | city country=RU
Kemerovo | city country=RU
Novokuznetsk | city country=RU
Ryazan | city country=RU
Astrakhan | city country=RU
Penza | city country=RU
Lipetsk | city country=RU
Cheboksary | city country=RU
Tula | city country=RU
Kaliningrad | city country=RU
Koenigsberg => Kaliningrad | city country=RU
Kursk | city country=RU
Stavropol | city country=RU
Sochi | city country=RU
Murmansk | city country=RU
Arkhangelsk | city country=RU
Yakutsk | city country=RU
Grozny | city country=RU
Petrozavodsk | city country=RU
Syktyvkar | city country=RU
Norilsk | city country=RU
Magadan | city country=RU
Petropavlovsk-Kamchatsky | city country=RU
Chita | city country=RU
Ulan-Ude | city country=RU
Vladikavkaz | city country=RU
Nalchik | city country=RU
Smolensk | city country=RU
Tver | city country=RU
Bryansk | city country=RU
Belgorod | city country=RU
Pskov | city country=RU
Veliky Novgorod | city country=RU
Vologda | city country=RU
Kostroma | city country=RU
Ivanovo | city country=RU
Kaluga | city country=RU
Tambov | city country=RU
Surgut | city country=RU
Salekhard | city country=RU
Khanty-Mansiysk | city country=RU
Naryan-Mar | city country=RU
Anadyr | city country=RU
Yuzhno-Sakhalinsk | city country=RU
Blagoveshchensk | city country=RU
Birobidzhan | city country=RU
Abakan | city country=RU
Kyzyl | city country=RU
Gorno-Altaisk | city country=RU
Elista | city country=RU
Maykop | city country=RU
Cherkessk | city country=RU
Magas | city country=RU
Saransk | city country=RU
Yoshkar-Ola | city country=RU
Kurgan | city country=RU
Magnitogorsk | city country=RU
Orsk | city country=RU
Novorossiysk | city country=RU
Taganrog | city country=RU
Derbent | city country=RU
Pyatigorsk | city country=RU
Moscow Region | region country=RU
Moscow Oblast => Moscow Region | region country=RU
Leningrad Region | region country=RU
Leningrad Oblast => Leningrad Region | region country=RU
Sverdlovsk Region | region country=RU
Sverdlovsk Oblast => Sverdlovsk Region | region country=RU
Novosibirsk Region | region country=RU
Chelyabinsk Region | region country=RU
Omsk Region | region country=RU
Tyumen Region | region country=RU
Rostov Region | region country=RU
Samara Region | region country=RU
Orenburg Region | region country=RU
Astrakhan Region | region country=RU
Volgograd Region | region country=RU
Saratov Region | region country=RU
Kaliningrad Region | region country=RU
Murmansk Region | region country=RU
Arkhangelsk Region | region country=RU
Irkutsk Region | region country=RU
Kemerovo Region | region country=RU
Kuzbass | region country=RU
Tomsk Region | region country=RU
Nizhny Novgorod Region | region country=RU
Belgorod Region | region country=RU
Kursk Region | region country=RU
Bryansk Region | region country=RU
Altai Krai | region country=RU
Altai Republic | region country=RU
Krasnodar Krai | region country=RU
Krasnodar Territory => Krasnodar Krai | region country=RU
Kuban | region country=RU
Krasnoyarsk Krai | region country=RU
Krasnoyarsk Territory => Krasnoyarsk Krai | region country=RU
Primorsky Krai | region country=RU
Primorye => Primorsky Krai | region country=RU
Khabarovsk Krai | region country=RU
Perm Krai | region country=RU
Stavropol Krai | region country=RU
Kamchatka | region country=RU
Sakhalin | region country=RU
Yakutia | region country=RU
Sakha Republic => Yakutia | region country=RU
Tatarstan | region country=RU
Bashkortostan | region country=RU
Bashkiria => Bashkortostan | region country=RU
Chechnya | region country=RU
Chechen Republic => Chechnya | region country=RU
Dagestan | region country=RU
Ingushetia | region country=RU
North Ossetia | region country=RU
North Ossetia-Alania => North Ossetia | region country=RU
Kabardino-Balkaria | region country=RU
Karachay-Cherkessia | region country=RU
Kalmykia | region country=RU
Adygea | region country=RU
Mordovia | region country=RU
Mari El | region country=RU
Chuvashia | region country=RU
Udmurtia | region country=RU
Komi | region country=RU
Karelia | region country=RU
Buryatia | region country=RU
Tuva | region country=RU
Khakassia | region country=RU
Chukotka | region country=RU
Yamal | region country=RU
Yamalo-Nenets Autonomous Okrug => Yamal | region country=RU
Khanty-Mansi Autonomous Okrug | region country=RU
Yugra => Khanty-Mansi Autonomous Okrug | region country=RU
Siberia | region country=RU
Western Siberia | region country=RU
Eastern Siberia | region country=RU
Urals | region country=RU
Ural Mountains => Urals | region country=RU
Russian Far East | region country=RU
North Caucasus | region country=RU
Volga Region | region country=RU
Kuril Islands | region country=RU
Kurils => Kuril Islands | region country=RU
Lake Baikal | region country=RU
Baikal => Lake Baikal | region country=RU

# Europe
London | city country=GB
Manchester | city country=GB
Birmingham | city country=GB
Liverpool | city country=GB
Leeds | city country=GB
Glasgow | city country=GB
Edinburgh | city country=GB
Cardiff | city country=GB
Belfast | city country=GB
Bristol | city country=GB
Sheffield | city country=GB
Newcastle | city country=GB
Oxford | city country=GB
Cambridge | city country=GB
Nottingham | city country=GB
Leicester | city country=GB
Southampton | city country=GB
Aberdeen | city country=GB
Brighton | city country=GB
Westminster | city country=GB
England | region country=GB
Scotland | region country=GB
Wales | region country=GB
Northern Ireland | region country=GB
Dublin | city country=IE
Cork | city country=IE homograph
Paris | city country=FR
Marseille | city country=FR
Marseilles => Marseille | city country=FR
Lyon | city country=FR
Lyons => Lyon | city country=FR
Toulouse | city country=FR
Nice | city country=FR homograph
Nantes | city country=FR
Strasbourg | city country=FR
Bordeaux | city country=FR
Lille | city country=FR
Montpellier | city country=FR
Rennes | city country=FR
Cannes | city country=FR
Corsica | region country=FR
Brittany | region country=FR
Normandy | region country=FR
Provence | region country=FR
Alsace | region country=FR
Berlin | city country=DE
Hamburg | city country=DE
Munich | city country=DE
Muenchen => Munich | city country=DE
München => Munich | city country=DE
Frankfurt | city country=DE
Frankfurt am Main => Frankfurt | city country=DE
Cologne | city country=DE
Koeln => Cologne | city country=DE
Köln => Cologne | city country=DE
Stuttgart | city country=DE
Dusseldorf | city country=DE
Düsseldorf => Dusseldorf | city country=DE
Leipzig | city country=DE
Dresden | city country=DE
Hanover | city country=DE
Hannover => Hanover | city country=DE
Nuremberg | city country=DE
Bremen | city country=DE
Bonn | city country=DE
Essen | city country=DE
Dortmund | city country=DE
Bavaria | region country=DE
Saxony | region country=DE
Brandenburg | region country=DE
Amsterdam | city country=NL
The Hague | city country=NL
Hague => The Hague | city country=NL
Rotterdam | city country=NL
Utrecht | city country=NL
Eindhoven | city country=NL
Brussels | city country=BE
Antwerp | city country=BE
Ghent | city country=BE
Liege | city country=BE
Bruges | city country=BE
Flanders | region country=BE
Wallonia | region country=BE
Bern | city country=CH
Berne => Bern | city country=CH
Geneva | city country=CH
Zurich | city country=CH
Zürich => Zurich | city country=CH
Basel | city country=CH
Lausanne | city country=CH
Davos | city country=CH
Lugano | city country=CH
Vienna | city country=AT
Salzburg | city country=AT
Graz | city country=AT
Innsbruck | city country=AT
Linz | city country=AT
Rome | city country=IT
Milan | city country=IT
Naples | city country=IT
Turin | city country=IT
Florence | city country=IT
Venice | city country=IT
Genoa | city country=IT
Bologna | city country=IT
Palermo | city country=IT
Sicily | region country=IT
Sardinia | region country=IT
Lombardy | region country=IT
Tuscany | region country=IT
Madrid | city country=ES
Barcelona | city country=ES
Valencia | city country=ES
Seville | city country=ES
Bilbao | city country=ES
Malaga | city country=ES
Zaragoza | city country=ES
Catalonia | region country=ES
Basque Country | region country=ES
Andalusia | region country=ES
Canary Islands | region country=ES
Balearic Islands | region country=ES
Lisbon | city country=PT
Porto | city country=PT
Oporto => Porto | city country=PT
Madeira | region country=PT
Azores | region country=PT
Athens | city country=GR
Thessaloniki | city country=GR
Piraeus | city country=GR
Crete | region country=GR
Copenhagen | city country=DK
Aarhus | city country=DK
Oslo | city country=NO
Bergen | city country=NO
Svalbard | region country=NO
Stockholm | city country=SE
Gothenburg | city country=SE
Malmo | city country=SE
Malmö => Malmo | city country=SE
Uppsala | city country=SE
Helsinki | city country=FI
Espoo | city country=FI
Tampere | city country=FI
Turku | city country=FI
Reykjavik | city country=IS
Tallinn | city country=EE
Tartu | city country=EE
Narva | city country=EE
Riga | city country=LV
Daugavpils | city country=LV
Vilnius | city country=LT
Kaunas | city country=LT
Klaipeda | city country=LT
Warsaw | city country=PL
Krakow | city country=PL
Cracow => Krakow | city country=PL
Gdansk | city country=PL
Wroclaw | city country=PL
Lodz | city country=PL
Poznan | city country=PL
Lublin | city country=PL
Szczecin | city country=PL
Prague | city country=CZ
Brno | city country=CZ
Ostrava | city country=CZ
Bratislava | city country=SK
Kosice | city country=SK
Budapest | city country=HU
Debrecen | city country=HU
Bucharest | city country=RO
Cluj-Napoca | city country=RO
Timisoara | city country=RO
Constanta | city country=RO
Iasi | city country=RO
Sofia | city country=BG
Plovdiv | city country=BG
Varna | city country=BG
Belgrade | city country=RS
Novi Sad | city country=RS
Zagreb | city country=HR
Split | city country=HR homograph
Dubrovnik | city country=HR
Ljubljana | city country=SI
Sarajevo | city country=BA
Banja Luka | city country=BA
Mostar | city country=BA
Srebrenica | city country=BA
Podgorica | city country=ME
Skopje | city country=MK
Tirana | city country=AL
Tirane => Tirana | city country=AL
Pristina | city country=XK
Prishtina => Pristina | city country=XK
Nicosia | city country=CY
Limassol | city country=CY
Valletta | city country=MT
Vaduz | city country=LI
Andorra la Vella | city country=AD
Ankara | city country=TR
Istanbul | city country=TR
Constantinople => Istanbul | city country=TR
Izmir | city country=TR
Antalya | city country=TR
Bursa | city country=TR
Adana | city country=TR
Gaziantep | city country=TR
Konya | city country=TR
Trabzon | city country=TR
Diyarbakir | city country=TR
Anatolia | region country=TR
Asia Minor => Anatolia | region country=TR

# Middle East
Tehran | city country=IR
Teheran => Tehran | city country=IR
Isfahan | city country=IR
Mashhad | city country=IR
Tabriz | city country=IR
Shiraz | city country=IR
Qom | city country=IR
Baghdad | city country=IQ
Basra | city country=IQ
Mosul | city country=IQ
Erbil | city country=IQ
Kirkuk | city country=IQ
Najaf | city country=IQ
Karbala | city country=IQ
Sulaymaniyah | city country=IQ
Iraqi Kurdistan | region country=IQ
Damascus | city country=SY
Aleppo | city country=SY
Homs | city country=SY
Idlib | city country=SY
Latakia | city country=SY
Raqqa | city country=SY
Deir ez-Zor | city country=SY
Beirut | city country=LB
Jerusalem | city country=IL
Tel Aviv | city country=IL
Haifa | city country=IL
Eilat | city country=IL
Ramallah | city country=PS
Gaza City | city country=PS
Bethlehem | city country=PS
Hebron | city country=PS
Nablus | city country=PS
Gaza Strip | region country=PS
Gaza | region country=PS
West Bank | region country=PS
Golan Heights | region country=SY
Amman | city country=JO
Aqaba | city country=JO
Riyadh | city country=SA
Jeddah | city country=SA
Mecca | city country=SA
Makkah => Mecca | city country=SA
Medina | city country=SA
Madinah => Medina | city country=SA
Dammam | city country=SA
Abu Dhabi | city country=AE
Dubai | city country=AE
Sharjah | city country=AE
Ajman | city country=AE
Doha | city country=QA
Manama | city country=BH
Muscat | city country=OM
Salalah | city country=OM
Sanaa | city country=YE
Sana'a => Sanaa | city country=YE
Aden | city country=YE
Hodeidah | city country=YE
Kuwait City | city country=KW
Cairo | city country=EG
Alexandria | city country=EG
Giza | city country=EG
Sharm el-Sheikh | city country=EG
Luxor | city country=EG
Port Said | city country=EG
Suez | city country=EG
Sinai | region country=EG
Sinai Peninsula => Sinai | region country=EG

# Africa
Algiers | city country=DZ
Oran | city country=DZ
Rabat | city country=MA
Casablanca | city country=MA
Marrakesh | city country=MA
Marrakech => Marrakesh | city country=MA
Tangier | city country=MA
Fez | city country=MA
Tunis | city country=TN
Tripoli | city country=LY
Benghazi | city country=LY
Khartoum | city country=SD
Omdurman | city country=SD
Darfur | region country=SD
Juba | city country=SS
Addis Ababa | city country=ET
Asmara | city country=ER
Mogadishu | city country=SO
Nairobi | city country=KE
Mombasa | city country=KE
Kampala | city country=UG
Dodoma | city country=TZ
Dar es Salaam | city country=TZ
Zanzibar | city country=TZ
Kigali | city country=RW
Gitega | city country=BI
Bujumbura | city country=BI
Kinshasa | city country=CD
Goma | city country=CD
Lubumbashi | city country=CD
Brazzaville | city country=CG
Yaounde | city country=CM
Yaoundé => Yaounde | city country=CM
Douala | city country=CM
Bangui | city country=CF
N'Djamena | city country=TD
Ndjamena => N'Djamena | city country=TD
Niamey | city country=NE
Bamako | city country=ML
Timbuktu | city country=ML
Ouagadougou | city country=BF
Dakar | city country=SN
Nouakchott | city country=MR
Banjul | city country=GM
Bissau | city country=GW
Conakry | city country=GN
Freetown | city country=SL
Monrovia | city country=LR
Yamoussoukro | city country=CI
Abidjan | city country=CI
Accra | city country=GH
Kumasi | city country=GH
Lome | city country=TG
Lomé => Lome | city country=TG
Porto-Novo | city country=BJ
Cotonou | city country=BJ
Abuja | city country=NG
Lagos | city country=NG
Kano | city country=NG
Libreville | city country=GA
Malabo | city country=GQ
Sao Tome | city country=ST
São Tomé => Sao Tome | city country=ST
Luanda | city country=AO
Lusaka | city country=ZM
Harare | city country=ZW
Lilongwe | city country=MW
Maputo | city country=MZ
Windhoek | city country=NA
Gaborone | city country=BW
Pretoria | city country=ZA
Cape Town | city country=ZA
Johannesburg | city country=ZA
Durban | city country=ZA
Bloemfontein | city country=ZA
Maseru | city country=LS
Mbabane | city country=SZ
Lobamba | city country=SZ
Antananarivo | city country=MG
Port Louis | city country=MU
Moroni | city country=KM
Victoria | city country=SC
Praia | city country=CV

# South and East Asia
Kabul | city country=AF
Kandahar | city country=AF
Herat | city country=AF
Mazar-i-Sharif | city country=AF
Kunduz | city country=AF
Jalalabad | city country=AF
Islamabad | city country=PK
Karachi | city country=PK
Lahore | city country=PK
Peshawar | city country=PK
Quetta | city country=PK
Rawalpindi | city country=PK
Balochistan | region country=PK
New Delhi | city country=IN
Delhi | city country=IN
Mumbai | city country=IN
Bombay => Mumbai | city country=IN
Kolkata | city country=IN
Calcutta => Kolkata | city country=IN
Chennai | city country=IN
Madras => Chennai | city country=IN
Bangalore | city country=IN
Bengaluru => Bangalore | city country=IN
Hyderabad | city country=IN
Ahmedabad | city country=IN
Pune | city country=IN
Jaipur | city country=IN
Agra | city country=IN
Goa | city country=IN
Kerala | region country=IN
Assam | region country=IN
Dhaka | city country=BD
Chittagong | city country=BD
Colombo | city country=LK
Sri Jayawardenepura Kotte | city country=LK
Kathmandu | city country=NP
Thimphu | city country=BT
Male | city country=MV homograph
Malé => Male | city country=MV
Beijing | city country=CN
Peking => Beijing | city country=CN
Shanghai | city country=CN
Guangzhou | city country=CN
Shenzhen | city country=CN
Chongqing | city country=CN
Tianjin | city country=CN
Wuhan | city country=CN
Chengdu | city country=CN
Xi'an | city country=CN
Hangzhou | city country=CN
Nanjing | city country=CN
Urumqi | city country=CN
Harbin | city country=CN
Lhasa | city country=CN
Kashgar | city country=CN
Xinjiang | region country=CN
Tibet | region country=CN
Inner Mongolia | region country=CN
Guangdong | region country=CN
Sichuan | region country=CN
Yunnan | region country=CN
Ulaanbaatar | city country=MN
Ulan Bator => Ulaanbaatar | city country=MN
Tokyo | city country=JP
Osaka | city country=JP
Kyoto | city country=JP
Yokohama | city country=JP
Nagoya | city country=JP
Hiroshima | city country=JP
Nagasaki | city country=JP
Fukushima | city country=JP
Sapporo | city country=JP
Kobe | city country=JP
Okinawa | region country=JP
Hokkaido | region country=JP
Seoul | city country=KR
Busan | city country=KR
Incheon | city country=KR
Pyongyang | city country=KP
Taipei | city country=TW
Hong Kong | city country=HK
Macau | city country=MO
Macao => Macau | city country=MO
Hanoi | city country=VN
Ho Chi Minh City | city country=VN
Saigon => Ho Chi Minh City | city country=VN
Da Nang | city country=VN
Vientiane | city country=LA
Phnom Penh | city country=KH
Bangkok | city country=TH
Phuket | city country=TH
Chiang Mai | city country=TH
Naypyidaw | city country=MM
Nay Pyi Taw => Naypyidaw | city country=MM
Yangon | city country=MM
Rangoon => Yangon | city country=MM
Kuala Lumpur | city country=MY
Putrajaya | city country=MY
Jakarta | city country=ID
Surabaya | city country=ID
Nusantara | city country=ID
Bali | region country=ID
Java | region country=ID
Sumatra | region country=ID
Manila | city country=PH
Quezon City | city country=PH
Davao | city country=PH
Bandar Seri Begawan | city country=BN
Dili | city country=TL

# Americas
Washington | city country=US
Washington DC => Washington | city country=US
New York | city country=US
New York City => New York | city country=US
NYC => New York | city country=US
Los Angeles | city country=US
Chicago | city country=US
Houston | city country=US
Phoenix | city country=US
Philadelphia | city country=US
San Antonio | city country=US
San Diego | city country=US
Dallas | city country=US
Austin | city country=US
Seattle | city country=US
Boston | city country=US
Miami | city country=US
Atlanta | city country=US
Denver | city country=US
Detroit | city country=US
San Francisco | city country=US
Las Vegas | city country=US
Baltimore | city country=US
New Orleans | city country=US
Pittsburgh | city country=US
Cleveland | city country=US
Minneapolis | city country=US
St Louis | city country=US
Saint Louis => St Louis | city country=US
Portland | city country=US
Orlando | city country=US
Honolulu | city country=US
Anchorage | city country=US
Nashville | city country=US
Indianapolis | city country=US
Sacramento | city country=US
Salt Lake City | city country=US
Kansas City | city country=US
Cincinnati | city country=US
Tampa | city country=US
Silicon Valley | city country=US
Alabama | region country=US
Alaska | region country=US
Arizona | region country=US
Arkansas | region country=US
California | region country=US
Colorado | region country=US
Connecticut | region country=US
Delaware | region country=US
Florida | region country=US
Hawaii | region country=US
Idaho | region country=US
Illinois | region country=US
Indiana | region country=US
Iowa | region country=US
Kansas | region country=US
Kentucky | region country=US
Louisiana | region country=US
Maine | region country=US
Maryland | region country=US
Massachusetts | region country=US
Michigan | region country=US
Minnesota | region country=US
Mississippi | region country=US
Missouri | region country=US
Montana | region country=US
Nebraska | region country=US
Nevada | region country=US
New Hampshire | region country=US
New Jersey | region country=US
New Mexico | region country=US
New York State | region country=US
North Carolina | region country=US
North Dakota | region country=US
Ohio | region country=US
Oklahoma | region country=US
Oregon | region country=US
Pennsylvania | region country=US
Rhode Island | region country=US
South Carolina | region country=US
South Dakota | region country=US
Tennessee | region country=US
Texas | region country=US
Utah | region country=US
Vermont | region country=US
Virginia | region country=US
Washington State | region country=US
West Virginia | region country=US
Wisconsin | region country=US
Wyoming | region country=US
District of Columbia | region country=US
Ottawa | city country=CA
Toronto | city country=CA
Montreal | city country=CA
Vancouver | city country=CA
Calgary | city country=CA
Edmonton | city country=CA
Quebec City | city country=CA
Winnipeg | city country=CA
Quebec | region country=CA
Ontario | region country=CA
British Columbia | region country=CA
Alberta | region country=CA
Mexico City | city country=MX
Guadalajara | city country=MX
Monterrey | city country=MX
Tijuana | city country=MX
Cancun | city country=MX
Guatemala City | city country=GT
Belmopan | city country=BZ
San Salvador | city country=SV
Tegucigalpa | city country=HN
Managua | city country=NI
San Jose | city country=CR
San José => San Jose | city country=CR
Panama City | city country=PA
Havana | city country=CU
Kingston | city country=JM
Port-au-Prince | city country=HT
Santo Domingo | city country=DO
Nassau | city country=BS
Bridgetown | city country=BB
Port of Spain | city country=TT
Basseterre | city country=KN
Castries | city country=LC
Kingstown | city country=VC
Roseau | city country=DM
Saint George's | city country=GD
St George's => Saint George's | city country=GD
Saint John's | city country=AG
St John's => Saint John's | city country=AG
Caracas | city country=VE
Maracaibo | city country=VE
Bogota | city country=CO
Bogotá => Bogota | city country=CO
Medellin | city country=CO
Medellín => Medellin | city country=CO
Cali | city country=CO
Cartagena | city country=CO
Quito | city country=EC
Guayaquil | city country=EC
Lima | city country=PE
Cusco | city country=PE
La Paz | city country=BO
Sucre | city country=BO
Santa Cruz | city country=BO
Santiago | city country=CL
Valparaiso | city country=CL
Buenos Aires | city country=AR
Cordoba | city country=AR
Rosario | city country=AR
Montevideo | city country=UY
Asuncion | city country=PY
Asunción => Asuncion | city country=PY
Brasilia | city country=BR
Brasília => Brasilia | city country=BR
Sao Paulo | city country=BR
São Paulo => Sao Paulo | city country=BR
Rio de Janeiro | city country=BR
Rio => Rio de Janeiro | city country=BR
Belo Horizonte | city country=BR
Manaus | city country=BR
Recife | city country=BR
Georgetown | city country=GY
Paramaribo | city country=SR

# Oceania
Canberra | city country=AU
Sydney | city country=AU
Melbourne | city country=AU
Brisbane | city country=AU
Perth | city country=AU
Adelaide | city country=AU
Tasmania | region country=AU
Queensland | region country=AU
New South Wales | region country=AU
Wellington | city country=NZ
Auckland | city country=NZ
Christchurch | city country=NZ
Suva | city country=FJ
Port Moresby | city country=PG
Honiara | city country=SB
Port Vila | city country=VU
Apia | city country=WS
Nuku'alofa | city country=TO
Tarawa | city country=KI
South Tarawa => Tarawa | city country=KI
Majuro | city country=MH
Palikir | city country=FM
Funafuti | city country=TV
Yaren | city country=NR
Ngerulmud | city country=PW

# Regions of the world
Central Asia | region
Middle Asia => Central Asia | region
Eurasia | region
Europe | region
Asia | region
Africa | region
North America | region
South America | region
Latin America | region
Central America | region
Caribbean | region
Oceania | region
Antarctica | region
Arctic | region
Eastern Europe | region
Western Europe | region
Central Europe | region
Northern Europe | region
Southern Europe | region
Southeast Europe | region
Southeastern Europe => Southeast Europe | region
East Asia | region
South Asia | region
Southeast Asia | region
Asia-Pacific | region
Asia Pacific => Asia-Pacific | region
Middle East | region
Near East | region
Caucasus | region
South Caucasus | region
Transcaucasia => South Caucasus | region
Balkans | region
Western Balkans | region
Scandinavia | region
Nordic countries | region
Baltic states | region
Baltics => Baltic states | region
Baltic region | region
Caspian region | region
Black Sea region | region
Mediterranean | region
Levant | region
Maghreb | region
North Africa | region
West Africa | region
East Africa | region
Central Africa | region
Southern Africa | region
Sub-Saharan Africa | region
Horn of Africa | region
Sahel | region
Persian Gulf | region
Gulf region | region
Indo-Pacific | region
Pacific | region
Atlantic | region
Indian Ocean | region
Black Sea | region
Baltic Sea | region
Red Sea | region
Mediterranean Sea | region
Post-Soviet space | region
Global South | region
Fergana Valley | region
Caspian Sea | region
Aral Sea | region
Kashmir | region
Punjab | region
Borneo | region
Amazonia | region
Pamir | region
Pamirs => Pamir | region
Tian Shan | region
Altai Mountains | region
Himalayas | region
Sahara | region
Gobi | region
Gobi Desert => Gobi | region

# Country aliases
Britain => United Kingdom | country code=GB
UK => United Kingdom | country code=GB
Great Britain => United Kingdom | country code=GB
United Kingdom of Great Britain and Northern Ireland => United Kingdom | country code=GB
US => United States | country code=US homograph
USA => United States | country code=US
United States of America => United States | country code=US
America => United States | country code=US
Russian Federation => Russia | country code=RU
Republic of Kazakhstan => Kazakhstan | country code=KZ
Kazakstan => Kazakhstan | country code=KZ
Qazaqstan => Kazakhstan | country code=KZ
Kyrgyz Republic => Kyrgyzstan | country code=KG
Kirghizia => Kyrgyzstan | country code=KG
Kirgizia => Kyrgyzstan | country code=KG
Kirgizstan => Kyrgyzstan | country code=KG
Kyrgyzia => Kyrgyzstan | country code=KG
Republic of Uzbekistan => Uzbekistan | country code=UZ
Republic of Tajikistan => Tajikistan | country code=TJ
Tadjikistan => Tajikistan | country code=TJ
Tadzhikistan => Tajikistan | country code=TJ
Turkmenia => Turkmenistan | country code=TM
Republic of Belarus => Belarus | country code=BY
Byelorussia => Belarus | country code=BY
Belorussia => Belarus | country code=BY
Moldavia => Moldova | country code=MD
Republic of Moldova => Moldova | country code=MD
Republic of Azerbaijan => Azerbaijan | country code=AZ
Republic of Armenia => Armenia | country code=AM
Sakartvelo => Georgia | country code=GE
Türkiye => Turkey | country code=TR
Turkiye => Turkey | country code=TR
Republic of Turkey => Turkey | country code=TR
Holland => Netherlands | country code=NL
Kingdom of the Netherlands => Netherlands | country code=NL
Czech Republic => Czechia | country code=CZ
Slovak Republic => Slovakia | country code=SK
Federal Republic of Germany => Germany | country code=DE
Deutschland => Germany | country code=DE
French Republic => France | country code=FR
Hellenic Republic => Greece | country code=GR
Republic of Ireland => Ireland | country code=IE
Eire => Ireland | country code=IE
Éire => Ireland | country code=IE
Swiss Confederation => Switzerland | country code=CH
Macedonia => North Macedonia | country code=MK
Republic of North Macedonia => North Macedonia | country code=MK
FYROM => North Macedonia | country code=MK
Bosnia and Herzegovina | country code=BA
Bosnia => Bosnia and Herzegovina | country code=BA
Bosnia-Herzegovina => Bosnia and Herzegovina | country code=BA
Republic of Kosovo => Kosovo | country code=XK
Vatican => Vatican City | country code=VA
Holy See => Vatican City | country code=VA
People's Republic of China => China | country code=CN
PRC => China | country code=CN
mainland China => China | country code=CN
Republic of China => Taiwan | country code=TW
DPRK => North Korea | country code=KP
Democratic People's Republic of Korea => North Korea | country code=KP
Republic of Korea => South Korea | country code=KR
ROK => South Korea | country code=KR homograph
Myanmar | country code=MM
Burma => Myanmar | country code=MM
Islamic Republic of Iran => Iran | country code=IR
UAE => United Arab Emirates | country code=AE
KSA => Saudi Arabia | country code=SA
Kingdom of Saudi Arabia => Saudi Arabia | country code=SA
Syrian Arab Republic => Syria | country code=SY
State of Palestine => Palestine | country code=PS
Palestinian territories => Palestine | country code=PS
Ivory Coast => Côte d'Ivoire | country code=CI
Cote d'Ivoire => Côte d'Ivoire | country code=CI
Côte d'Ivoire | country code=CI
Democratic Republic of the Congo | country code=CD
Democratic Republic of Congo => Democratic Republic of the Congo | country code=CD
DR Congo => Democratic Republic of the Congo | country code=CD
DRC => Democratic Republic of the Congo | country code=CD
Congo-Kinshasa => Democratic Republic of the Congo | country code=CD
Zaire => Democratic Republic of the Congo | country code=CD
Republic of the Congo | country code=CG
Republic of Congo => Republic of the Congo | country code=CG
Congo-Brazzaville => Republic of the Congo | country code=CG
Swaziland => Eswatini | country code=SZ
East Timor => Timor-Leste | country code=TL
Cape Verde => Cabo Verde | country code=CV
Viet Nam => Vietnam | country code=VN
Lao PDR => Laos | country code=LA
Lao People's Democratic Republic => Laos | country code=LA
Ceylon => Sri Lanka | country code=LK
Federated States of Micronesia => Micronesia | country code=FM
Saint Kitts and Nevis | country code=KN
St Kitts and Nevis => Saint Kitts and Nevis | country code=KN
Saint Lucia | country code=LC
St Lucia => Saint Lucia | country code=LC
Saint Vincent and the Grenadines | country code=VC
St Vincent and the Grenadines => Saint Vincent and the Grenadines | country code=VC
Sao Tome and Principe | country code=ST
São Tomé and Príncipe => Sao Tome and Principe | country code=ST
Trinidad and Tobago | country code=TT
Trinidad => Trinidad and Tobago | country code=TT
Antigua and Barbuda | country code=AG
Antigua => Antigua and Barbuda | country code=AG
The Gambia => Gambia | country code=GM
The Bahamas => Bahamas | country code=BS

# Celestial bodies and stations (places where news happens)
Moon | celestial
Mars | celestial
Venus | celestial
Jupiter | celestial
Saturn | celestial
International Space Station => ISS | station
ISS | station
