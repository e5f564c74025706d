# Well-known organizations. Tag: org; abbr=ABBR where a standard
# abbreviation exists; one kind tag: intl, finance, sport, ngo, gov, media, tech,
# company, edu or party.
# Abbreviations and aliases map to the full name (the canon).
# homograph = also an ordinary English word (WHO, Apple, Shell...), so rules
# may want capitalization before trusting it.

# United Nations system
United Nations | org intl abbr=UN
UN => United Nations | org intl abbr=UN
United Nations Organization => United Nations | org intl abbr=UN
UN General Assembly | org intl abbr=UNGA
UNGA => UN General Assembly | org intl abbr=UNGA
United Nations General Assembly => UN General Assembly | org intl abbr=UNGA
UN Security Council | org intl abbr=UNSC
UNSC => UN Security Council | org intl abbr=UNSC
United Nations Security Council => UN Security Council | org intl abbr=UNSC
UN Human Rights Council | org intl abbr=UNHRC
UNHRC => UN Human Rights Council | org intl abbr=UNHRC
United Nations Human Rights Council => UN Human Rights Council | org intl abbr=UNHRC
UN Secretariat | org intl
United Nations Children's Fund | org intl abbr=UNICEF
UNICEF => United Nations Children's Fund | org intl abbr=UNICEF
United Nations Educational, Scientific and Cultural Organization | org intl abbr=UNESCO
UNESCO => United Nations Educational, Scientific and Cultural Organization | org intl abbr=UNESCO
World Health Organization | org intl abbr=WHO
WHO => World Health Organization | org intl abbr=WHO homograph
World Health Organisation => World Health Organization | org intl abbr=WHO
United Nations Development Programme | org intl abbr=UNDP
UNDP => United Nations Development Programme | org intl abbr=UNDP
UN Development Programme => United Nations Development Programme | org intl abbr=UNDP
Office of the United Nations High Commissioner for Refugees | org intl abbr=UNHCR
UNHCR => Office of the United Nations High Commissioner for Refugees | org intl abbr=UNHCR
UN Refugee Agency => Office of the United Nations High Commissioner for Refugees | org intl abbr=UNHCR
United Nations Population Fund | org intl abbr=UNFPA
UNFPA => United Nations Population Fund | org intl abbr=UNFPA
UN Women | org intl
United Nations Environment Programme | org intl abbr=UNEP
UNEP => United Nations Environment Programme | org intl abbr=UNEP
United Nations Office on Drugs and Crime | org intl abbr=UNODC
UNODC => United Nations Office on Drugs and Crime | org intl abbr=UNODC
Office of the United Nations High Commissioner for Human Rights | org intl abbr=OHCHR
OHCHR => Office of the United Nations High Commissioner for Human Rights | org intl abbr=OHCHR
UN Human Rights Office => Office of the United Nations High Commissioner for Human Rights | org intl abbr=OHCHR
World Food Programme | org intl abbr=WFP
WFP => World Food Programme | org intl abbr=WFP
Food and Agriculture Organization | org intl abbr=FAO
FAO => Food and Agriculture Organization | org intl abbr=FAO
International Labour Organization | org intl abbr=ILO
ILO => International Labour Organization | org intl abbr=ILO
International Labor Organization => International Labour Organization | org intl abbr=ILO
International Organization for Migration | org intl abbr=IOM
IOM => International Organization for Migration | org intl abbr=IOM
International Atomic Energy Agency | org intl abbr=IAEA
IAEA => International Atomic Energy Agency | org intl abbr=IAEA
World Trade Organization | org intl abbr=WTO
WTO => World Trade Organization | org intl abbr=WTO
World Intellectual Property Organization | org intl abbr=WIPO
WIPO => World Intellectual Property Organization | org intl abbr=WIPO
International Telecommunication Union | org intl abbr=ITU
ITU => International Telecommunication Union | org intl abbr=ITU
International Civil Aviation Organization | org intl abbr=ICAO
ICAO => International Civil Aviation Organization | org intl abbr=ICAO
United Nations Conference on Trade and Development | org intl abbr=UNCTAD
UNCTAD => United Nations Conference on Trade and Development | org intl abbr=UNCTAD
Joint United Nations Programme on HIV/AIDS | org intl abbr=UNAIDS
UNAIDS => Joint United Nations Programme on HIV/AIDS | org intl abbr=UNAIDS
United Nations Relief and Works Agency | org intl abbr=UNRWA
UNRWA => United Nations Relief and Works Agency | org intl abbr=UNRWA
UN-Habitat | org intl
United Nations Office for the Coordination of Humanitarian Affairs | org intl abbr=OCHA
OCHA => United Nations Office for the Coordination of Humanitarian Affairs | org intl abbr=OCHA
United Nations Economic Commission for Europe | org intl abbr=UNECE
UNECE => United Nations Economic Commission for Europe | org intl abbr=UNECE
Economic and Social Commission for Asia and the Pacific | org intl abbr=ESCAP
ESCAP => Economic and Social Commission for Asia and the Pacific | org intl abbr=ESCAP
UN Committee on the Rights of the Child | org intl
Committee on the Rights of the Child => UN Committee on the Rights of the Child | org intl
International Court of Justice | org intl abbr=ICJ
ICJ => International Court of Justice | org intl abbr=ICJ
International Criminal Court | org intl abbr=ICC
ICC => International Criminal Court | org intl abbr=ICC
World Meteorological Organization | org intl abbr=WMO
WMO => World Meteorological Organization | org intl abbr=WMO
World Tourism Organization | org intl abbr=UNWTO
UNWTO => World Tourism Organization | org intl abbr=UNWTO

# Financial institutions
World Bank | org finance
World Bank Group | org finance
International Monetary Fund | org finance abbr=IMF
IMF => International Monetary Fund | org finance abbr=IMF
International Finance Corporation | org finance abbr=IFC
IFC => International Finance Corporation | org finance abbr=IFC
Asian Development Bank | org finance abbr=ADB
ADB => Asian Development Bank | org finance abbr=ADB
European Bank for Reconstruction and Development | org finance abbr=EBRD
EBRD => European Bank for Reconstruction and Development | org finance abbr=EBRD
European Investment Bank | org finance abbr=EIB
EIB => European Investment Bank | org finance abbr=EIB
Asian Infrastructure Investment Bank | org finance abbr=AIIB
AIIB => Asian Infrastructure Investment Bank | org finance abbr=AIIB
Islamic Development Bank | org finance abbr=IsDB
IsDB => Islamic Development Bank | org finance abbr=IsDB
Eurasian Development Bank | org finance abbr=EDB
EDB => Eurasian Development Bank | org finance abbr=EDB
New Development Bank | org finance abbr=NDB
NDB => New Development Bank | org finance abbr=NDB
European Central Bank | org finance abbr=ECB
ECB => European Central Bank | org finance abbr=ECB
Federal Reserve | org finance abbr=Fed
Fed => Federal Reserve | org finance abbr=Fed homograph
US Federal Reserve => Federal Reserve | org finance abbr=Fed
Bank for International Settlements | org finance abbr=BIS
BIS => Bank for International Settlements | org finance abbr=BIS
National Bank of Kazakhstan | org finance abbr=NBK
NBK => National Bank of Kazakhstan | org finance abbr=NBK
Central Bank of Russia | org finance
Bank of Russia => Central Bank of Russia | org finance
Bank of England | org finance
People's Bank of China | org finance
Moody's | org finance
Fitch Ratings | org finance
Fitch => Fitch Ratings | org finance
Standard & Poor's | org finance abbr=S&P
S&P => Standard & Poor's | org finance abbr=S&P

# Regional and political organizations
Organization for Security and Co-operation in Europe | org intl abbr=OSCE
OSCE => Organization for Security and Co-operation in Europe | org intl abbr=OSCE
Organization for Security and Cooperation in Europe => Organization for Security and Co-operation in Europe | org intl abbr=OSCE
Office for Democratic Institutions and Human Rights | org intl abbr=ODIHR
ODIHR => Office for Democratic Institutions and Human Rights | org intl abbr=ODIHR
Council of Europe | org intl
European Union | org intl abbr=EU
EU => European Union | org intl abbr=EU
European Commission | org intl abbr=EC
EC => European Commission | org intl abbr=EC homograph
European Parliament | org intl
European Council | org intl
Eurostat | org intl
Frontex | org intl
Europol | org intl
Interpol | org intl
International Criminal Police Organization => Interpol | org intl
European Court of Human Rights | org intl abbr=ECHR
ECHR => European Court of Human Rights | org intl abbr=ECHR
North Atlantic Treaty Organization | org intl abbr=NATO
NATO => North Atlantic Treaty Organization | org intl abbr=NATO
Commonwealth of Independent States | org intl abbr=CIS
CIS => Commonwealth of Independent States | org intl abbr=CIS
Collective Security Treaty Organization | org intl abbr=CSTO
CSTO => Collective Security Treaty Organization | org intl abbr=CSTO
Eurasian Economic Union | org intl abbr=EAEU
EAEU => Eurasian Economic Union | org intl abbr=EAEU
EEU => Eurasian Economic Union | org intl abbr=EAEU
Eurasian Economic Commission | org intl abbr=EEC
EEC => Eurasian Economic Commission | org intl abbr=EEC
Shanghai Cooperation Organisation | org intl abbr=SCO
SCO => Shanghai Cooperation Organisation | org intl abbr=SCO
Shanghai Cooperation Organization => Shanghai Cooperation Organisation | org intl abbr=SCO
BRICS | org intl
Group of Seven | org intl abbr=G7
G7 => Group of Seven | org intl abbr=G7
Group of Twenty | org intl abbr=G20
G20 => Group of Twenty | org intl abbr=G20
Association of Southeast Asian Nations | org intl abbr=ASEAN
ASEAN => Association of Southeast Asian Nations | org intl abbr=ASEAN
African Union | org intl abbr=AU
AU => African Union | org intl abbr=AU homograph
Arab League | org intl
League of Arab States => Arab League | org intl
Gulf Cooperation Council | org intl abbr=GCC
GCC => Gulf Cooperation Council | org intl abbr=GCC
Organisation of Islamic Cooperation | org intl abbr=OIC
OIC => Organisation of Islamic Cooperation | org intl abbr=OIC
Organization of Islamic Cooperation => Organisation of Islamic Cooperation | org intl abbr=OIC
Organization of the Petroleum Exporting Countries | org intl abbr=OPEC
OPEC => Organization of the Petroleum Exporting Countries | org intl abbr=OPEC
Organisation for Economic Co-operation and Development | org intl abbr=OECD
OECD => Organisation for Economic Co-operation and Development | org intl abbr=OECD
Organization for Economic Cooperation and Development => Organisation for Economic Co-operation and Development | org intl abbr=OECD
Conference on Interaction and Confidence Building Measures in Asia | org intl abbr=CICA
CICA => Conference on Interaction and Confidence Building Measures in Asia | org intl abbr=CICA
Organization of Turkic States | org intl abbr=OTS
OTS => Organization of Turkic States | org intl abbr=OTS
Turkic Council => Organization of Turkic States | org intl abbr=OTS
International Organization of Turkic Culture | org intl abbr=TURKSOY
TURKSOY => International Organization of Turkic Culture | org intl abbr=TURKSOY
Economic Cooperation Organization | org intl abbr=ECO
ECO => Economic Cooperation Organization | org intl abbr=ECO homograph
Central Asia Regional Economic Cooperation | org intl abbr=CAREC
CAREC => Central Asia Regional Economic Cooperation | org intl abbr=CAREC
International Fund for Saving the Aral Sea | org intl abbr=IFAS
IFAS => International Fund for Saving the Aral Sea | org intl abbr=IFAS
Organization of American States | org intl abbr=OAS
OAS => Organization of American States | org intl abbr=OAS
Commonwealth of Nations | org intl
World Economic Forum | org intl abbr=WEF
WEF => World Economic Forum | org intl abbr=WEF
Astana International Forum | org intl abbr=AIF
AIF => Astana International Forum | org intl abbr=AIF

# Sport
International Olympic Committee | org sport abbr=IOC
IOC => International Olympic Committee | org sport abbr=IOC
FIFA | org sport
UEFA | org sport
World Anti-Doping Agency | org sport abbr=WADA
WADA => World Anti-Doping Agency | org sport abbr=WADA

# Humanitarian and rights NGOs
International Committee of the Red Cross | org ngo abbr=ICRC
ICRC => International Committee of the Red Cross | org ngo abbr=ICRC
Red Cross | org ngo
Red Crescent | org ngo
International Federation of Red Cross and Red Crescent Societies | org ngo abbr=IFRC
IFRC => International Federation of Red Cross and Red Crescent Societies | org ngo abbr=IFRC
Doctors Without Borders | org ngo
Medecins Sans Frontieres | org ngo abbr=MSF
MSF => Medecins Sans Frontieres | org ngo abbr=MSF
Médecins Sans Frontières => Medecins Sans Frontieres | org ngo abbr=MSF
Amnesty International | org ngo
Amnesty => Amnesty International | org ngo
Human Rights Watch | org ngo abbr=HRW
HRW => Human Rights Watch | org ngo abbr=HRW
Transparency International | org ngo
Reporters Without Borders | org ngo abbr=RSF
RSF => Reporters Without Borders | org ngo abbr=RSF
Committee to Protect Journalists | org ngo abbr=CPJ
CPJ => Committee to Protect Journalists | org ngo abbr=CPJ
Freedom House | org ngo
Save the Children | org ngo
Oxfam | org ngo
World Vision | org ngo
Greenpeace | org ngo
World Wide Fund for Nature | org ngo abbr=WWF
WWF => World Wide Fund for Nature | org ngo abbr=WWF
World Wildlife Fund => World Wide Fund for Nature | org ngo abbr=WWF
Plan International | org ngo
SOS Children's Villages | org ngo
Child Rights International Network | org ngo abbr=CRIN
CRIN => Child Rights International Network | org ngo abbr=CRIN
ECPAT International | org ngo abbr=ECPAT
ECPAT => ECPAT International | org ngo abbr=ECPAT
Terre des Hommes | org ngo
Open Society Foundations | org ngo
Bill & Melinda Gates Foundation | org ngo
Gates Foundation => Bill & Melinda Gates Foundation | org ngo
Aga Khan Development Network | org ngo abbr=AKDN
AKDN => Aga Khan Development Network | org ngo abbr=AKDN
Aga Khan Foundation | org ngo
Wikimedia Foundation | org ngo
Internews | org ngo
Eurasia Foundation | org ngo
International Crisis Group | org ngo
Crisis Group => International Crisis Group | org ngo
Norwegian Refugee Council | org ngo
International Rescue Committee | org ngo
Kazakhstan International Bureau for Human Rights and Rule of Law | org ngo

# Government agencies often named in news
United States Agency for International Development | org gov abbr=USAID
USAID => United States Agency for International Development | org gov abbr=USAID
US Agency for International Development => United States Agency for International Development | org gov abbr=USAID
Peace Corps | org gov
Central Intelligence Agency | org gov abbr=CIA
CIA => Central Intelligence Agency | org gov abbr=CIA
Federal Bureau of Investigation | org gov abbr=FBI
FBI => Federal Bureau of Investigation | org gov abbr=FBI
National Aeronautics and Space Administration | org gov abbr=NASA
NASA => National Aeronautics and Space Administration | org gov abbr=NASA
European Space Agency | org gov abbr=ESA
ESA => European Space Agency | org gov abbr=ESA
Roscosmos | org gov
Rosatom | org gov
Kremlin | org gov
White House | org gov
Pentagon | org gov
State Department | org gov
US State Department => State Department | org gov
Downing Street | org gov
Akorda | org gov
Federal Security Service | org gov abbr=FSB
FSB => Federal Security Service | org gov abbr=FSB
State Duma | org gov
Verkhovna Rada | org gov
Bundestag | org gov
Jogorku Kenesh | org gov
Oliy Majlis | org gov
Milli Majlis | org gov
Knesset | org gov

# News agencies and media
Reuters | org media
Associated Press | org media abbr=AP
AP => Associated Press | org media abbr=AP homograph
Agence France-Presse | org media abbr=AFP
AFP => Agence France-Presse | org media abbr=AFP
Deutsche Presse-Agentur | org media abbr=dpa
dpa => Deutsche Presse-Agentur | org media abbr=dpa
Deutsche Welle | org media abbr=DW
DW => Deutsche Welle | org media abbr=DW
BBC | org media
British Broadcasting Corporation => BBC | org media
BBC News | org media
BBC World Service | org media
CNN | org media
Fox News | org media
NBC News | org media
NBC | org media
CBS News | org media
CBS | org media
ABC News | org media
NPR | org media
Bloomberg | org media
Financial Times | org media abbr=FT
FT => Financial Times | org media abbr=FT homograph
The Guardian | org media
Guardian => The Guardian | org media homograph
New York Times | org media abbr=NYT
NYT => New York Times | org media abbr=NYT
Washington Post | org media
Wall Street Journal | org media abbr=WSJ
WSJ => Wall Street Journal | org media abbr=WSJ
The Economist | org media
Economist => The Economist | org media homograph
Politico | org media
Axios | org media
Forbes | org media
Newsweek | org media
USA Today | org media
Los Angeles Times | org media
Time magazine | org media
Sky News | org media
Euronews | org media
Le Monde | org media
Le Figaro | org media
Der Spiegel | org media
Spiegel => Der Spiegel | org media
EFE | org media
ANSA | org media
Nikkei | org media
South China Morning Post | org media abbr=SCMP
SCMP => South China Morning Post | org media abbr=SCMP
Straits Times | org media
The Straits Times => Straits Times | org media
Times of India | org media
Dawn | org media homograph
Al Jazeera | org media
Al Arabiya | org media
Anadolu Agency | org media
Anadolu => Anadolu Agency | org media
TRT World | org media
TRT | org media
IRNA | org media
Press TV | org media
Xinhua | org media
Xinhua News Agency => Xinhua | org media
CGTN | org media
China Daily | org media
Global Times | org media
Kyodo | org media
Kyodo News => Kyodo | org media
NHK | org media
Yonhap | org media
TASS | org media
ITAR-TASS => TASS | org media
RIA Novosti | org media
RIA => RIA Novosti | org media homograph
Interfax | org media
Sputnik | org media homograph
RT | org media homograph
Russia Today => RT | org media
Kommersant | org media
Vedomosti | org media
Izvestia | org media
RBC | org media
Meduza | org media
Novaya Gazeta | org media
BelTA | org media
Belarusian Telegraph Agency => BelTA | org media
Ukrinform | org media
UNIAN | org media
Kazinform | org media
Kazakhstan Today | org media
Interfax-Kazakhstan | org media
Khabar | org media
Khabar Agency => Khabar | org media
Kazakhstanskaya Pravda | org media
Egemen Qazaqstan | org media
Astana Times | org media
The Astana Times => Astana Times | org media
Tengrinews | org media
Zakon.kz | org media
Vlast.kz | org media
Orda.kz | org media
Kursiv | org media
Kapital.kz | org media
Times of Central Asia | org media
The Times of Central Asia => Times of Central Asia | org media
Eurasianet | org media
Radio Free Europe/Radio Liberty | org media abbr=RFE/RL
RFE/RL => Radio Free Europe/Radio Liberty | org media abbr=RFE/RL
Radio Free Europe => Radio Free Europe/Radio Liberty | org media abbr=RFE/RL
Radio Liberty => Radio Free Europe/Radio Liberty | org media abbr=RFE/RL
Radio Azattyq | org media
Azattyq => Radio Azattyq | org media
Kabar | org media
AKIpress | org media
24.kg | org media
Daryo | org media
Kun.uz | org media
Gazeta.uz | org media
UzA | org media
Uzbekistan National News Agency => UzA | org media
Podrobno.uz | org media
Asia-Plus | org media
Khovar | org media
Trend News Agency | org media
Trend => Trend News Agency | org media homograph
APA | org media
Azertac | org media
Armenpress | org media
Agenda.ge | org media
Montsame | org media

# Technology and social networks
Facebook | org tech
Instagram | org tech
Twitter | org tech
YouTube | org tech
Telegram | org tech homograph
WhatsApp | org tech
TikTok | org tech
ByteDance | org tech
Snapchat | org tech
LinkedIn | org tech
Reddit | org tech
WeChat | org tech
Viber | org tech
Skype | org tech
Discord | org tech homograph
Pinterest | org tech
Wikipedia | org tech
Google | org tech
Alphabet | org tech homograph
Microsoft | org tech
Apple | org tech homograph
Amazon | org tech homograph
Meta | org tech homograph
Meta Platforms => Meta | org tech
OpenAI | org tech
Netflix | org tech
Spotify | org tech
Uber | org tech
Airbnb | org tech
PayPal | org tech
Visa | org tech homograph
Mastercard | org tech
Yandex | org tech
VKontakte | org tech
VK => VKontakte | org tech
Odnoklassniki | org tech
Tencent | org tech
Alibaba | org tech
Baidu | org tech
Huawei | org tech
Xiaomi | org tech
Samsung | org tech
Sony | org tech
IBM | org tech
Intel | org tech homograph
Nvidia | org tech
Tesla | org tech homograph
SpaceX | org tech
Starlink | org tech
Kaspi.kz | org tech
Kaspi => Kaspi.kz | org tech
Wildberries | org tech
Ozon | org tech

# Companies
Gazprom | org company
Rosneft | org company
Lukoil | org company
Sberbank | org company
VTB | org company
Aeroflot | org company
Chevron | org company
ExxonMobil | org company
BP | org company homograph
Shell | org company homograph
TotalEnergies | org company
Eni | org company
Boeing | org company
Airbus | org company
Toyota | org company
Volkswagen | org company
BMW | org company
Mercedes-Benz | org company
General Motors | org company
Siemens | org company
Coca-Cola | org company
PepsiCo | org company
McDonald's | org company
Nestle | org company
Unilever | org company
Kazatomprom | org company
KazMunayGas | org company
Samruk-Kazyna | org company
Air Astana | org company
Kazakhtelecom | org company
Halyk Bank | org company
Tengizchevroil | org company
Kazakhstan Temir Zholy | org company abbr=KTZ
KTZ => Kazakhstan Temir Zholy | org company abbr=KTZ
Baiterek National Managing Holding | org company
Astana International Financial Centre | org company abbr=AIFC
AIFC => Astana International Financial Centre | org company abbr=AIFC
Astana International Exchange | org company abbr=AIX
AIX => Astana International Exchange | org company abbr=AIX
Kazakhstan Stock Exchange | org company abbr=KASE
KASE => Kazakhstan Stock Exchange | org company abbr=KASE
Uzbekistan Airways | org company

# Universities
Nazarbayev University | org edu
Al-Farabi Kazakh National University | org edu abbr=KazNU
KazNU => Al-Farabi Kazakh National University | org edu abbr=KazNU
Gumilyov Eurasian National University | org edu abbr=ENU
ENU => Gumilyov Eurasian National University | org edu abbr=ENU
Harvard University | org edu
Harvard => Harvard University | org edu
Stanford University | org edu
Massachusetts Institute of Technology | org edu abbr=MIT
MIT => Massachusetts Institute of Technology | org edu abbr=MIT
University of Oxford | org edu
Oxford University => University of Oxford | org edu
University of Cambridge | org edu
Cambridge University => University of Cambridge | org edu
Moscow State University | org edu abbr=MSU
MSU => Moscow State University | org edu abbr=MSU
Lomonosov Moscow State University => Moscow State University | org edu abbr=MSU

# Parties
Amanat | org party
Nur Otan | org party
United Russia | org party
Communist Party of China | org party abbr=CPC
CPC => Communist Party of China | org party abbr=CPC
Chinese Communist Party => Communist Party of China | org party abbr=CPC
Democratic Party | org party
Republican Party | org party
Labour Party | org party
Conservative Party | org party

# More well-known companies and bodies
Philips | org company
Hewlett-Packard | org company abbr=HP
Nokia | org company
Ferrari | org company
Voice of America | org media abbr=VOA
Al-Qaeda | org
Al Qaeda | org
Taliban | org
Hamas | org
Hezbollah | org
