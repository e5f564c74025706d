# Nationality and country adjectives (and a few demonym nouns);
# canon = the country, code = ISO 3166-1 alpha-2 (XK for Kosovo).
# Ambiguous bare adjectives go to the most frequent reading in news:
# Korean => South Korea, Congolese => DR Congo, Dominican => Dominican Republic.
# English/Scottish/Welsh are left out (languages and UK nations, not countries).

# Central Asia and the CIS
Kazakh => Kazakhstan | code=KZ
Kazakhstani => Kazakhstan | code=KZ
Qazaq => Kazakhstan | code=KZ
Kazak => Kazakhstan | code=KZ
Kyrgyz => Kyrgyzstan | code=KG
Kirghiz => Kyrgyzstan | code=KG
Kirgiz => Kyrgyzstan | code=KG
Kyrgyzstani => Kyrgyzstan | code=KG
Uzbek => Uzbekistan | code=UZ
Uzbekistani => Uzbekistan | code=UZ
Tajik => Tajikistan | code=TJ
Tadjik => Tajikistan | code=TJ
Tajikistani => Tajikistan | code=TJ
Turkmen => Turkmenistan | code=TM
Turkmenistani => Turkmenistan | code=TM
Russian => Russia | code=RU
Belarusian => Belarus | code=BY
Belarussian => Belarus | code=BY
Belorussian => Belarus | code=BY
Byelorussian => Belarus | code=BY
Ukrainian => Ukraine | code=UA
Moldovan => Moldova | code=MD
Moldavian => Moldova | code=MD
Azerbaijani => Azerbaijan | code=AZ
Azeri => Azerbaijan | code=AZ
Armenian => Armenia | code=AM
Georgian => Georgia | code=GE
Mongolian => Mongolia | code=MN

# Europe
British => United Kingdom | code=GB
Briton => United Kingdom | code=GB
Britons => United Kingdom | code=GB
Irish => Ireland | code=IE
French => France | code=FR
German => Germany | code=DE
Austrian => Austria | code=AT
Swiss => Switzerland | code=CH
Italian => Italy | code=IT
Spanish => Spain | code=ES
Spaniard => Spain | code=ES
Portuguese => Portugal | code=PT
Dutch => Netherlands | code=NL
Belgian => Belgium | code=BE
Luxembourgish => Luxembourg | code=LU
Luxembourger => Luxembourg | code=LU
Danish => Denmark | code=DK
Norwegian => Norway | code=NO
Swedish => Sweden | code=SE
Finnish => Finland | code=FI
Icelandic => Iceland | code=IS
Estonian => Estonia | code=EE
Latvian => Latvia | code=LV
Lithuanian => Lithuania | code=LT
Polish => Poland | code=PL
Czech => Czechia | code=CZ
Slovak => Slovakia | code=SK
Slovakian => Slovakia | code=SK
Hungarian => Hungary | code=HU
Romanian => Romania | code=RO
Rumanian => Romania | code=RO
Bulgarian => Bulgaria | code=BG
Serbian => Serbia | code=RS
Croatian => Croatia | code=HR
Slovenian => Slovenia | code=SI
Slovene => Slovenia | code=SI
Bosnian => Bosnia and Herzegovina | code=BA
Montenegrin => Montenegro | code=ME
Macedonian => North Macedonia | code=MK
North Macedonian => North Macedonia | code=MK
Albanian => Albania | code=AL
Kosovar => Kosovo | code=XK
Kosovan => Kosovo | code=XK
Greek => Greece | code=GR
Cypriot => Cyprus | code=CY
Maltese => Malta | code=MT
Monegasque => Monaco | code=MC
Liechtensteiner => Liechtenstein | code=LI
Andorran => Andorra | code=AD
Sammarinese => San Marino | code=SM

# Middle East and North Africa
Turkish => Turkey | code=TR
Iranian => Iran | code=IR
Iraqi => Iraq | code=IQ
Syrian => Syria | code=SY
Lebanese => Lebanon | code=LB
Israeli => Israel | code=IL
Palestinian => Palestine | code=PS
Jordanian => Jordan | code=JO
Saudi => Saudi Arabia | code=SA
Saudi Arabian => Saudi Arabia | code=SA
Emirati => United Arab Emirates | code=AE
Qatari => Qatar | code=QA
Kuwaiti => Kuwait | code=KW
Bahraini => Bahrain | code=BH
Omani => Oman | code=OM
Yemeni => Yemen | code=YE
Egyptian => Egypt | code=EG
Libyan => Libya | code=LY
Tunisian => Tunisia | code=TN
Algerian => Algeria | code=DZ
Moroccan => Morocco | code=MA

# Asia and the Pacific
Afghan => Afghanistan | code=AF
Pakistani => Pakistan | code=PK
Indian => India | code=IN
Bangladeshi => Bangladesh | code=BD
Sri Lankan => Sri Lanka | code=LK
Nepalese => Nepal | code=NP
Nepali => Nepal | code=NP
Bhutanese => Bhutan | code=BT
Maldivian => Maldives | code=MV
Chinese => China | code=CN
Taiwanese => Taiwan | code=TW
Japanese => Japan | code=JP
South Korean => South Korea | code=KR
Korean => South Korea | code=KR
North Korean => North Korea | code=KP
Vietnamese => Vietnam | code=VN
Laotian => Laos | code=LA
Lao => Laos | code=LA
Cambodian => Cambodia | code=KH
Thai => Thailand | code=TH
Burmese => Myanmar | code=MM
Malaysian => Malaysia | code=MY
Singaporean => Singapore | code=SG
Indonesian => Indonesia | code=ID
Filipino => Philippines | code=PH
Philippine => Philippines | code=PH
Bruneian => Brunei | code=BN
Timorese => Timor-Leste | code=TL
East Timorese => Timor-Leste | code=TL
Australian => Australia | code=AU
New Zealander => New Zealand | code=NZ
Papua New Guinean => Papua New Guinea | code=PG
Fijian => Fiji | code=FJ
Samoan => Samoa | code=WS
Tongan => Tonga | code=TO
Vanuatuan => Vanuatu | code=VU

# Americas
American => United States | code=US
Canadian => Canada | code=CA
Mexican => Mexico | code=MX
Guatemalan => Guatemala | code=GT
Honduran => Honduras | code=HN
Salvadoran => El Salvador | code=SV
Salvadorean => El Salvador | code=SV
Nicaraguan => Nicaragua | code=NI
Costa Rican => Costa Rica | code=CR
Panamanian => Panama | code=PA
Cuban => Cuba | code=CU
Haitian => Haiti | code=HT
Dominican => Dominican Republic | code=DO
Jamaican => Jamaica | code=JM
Bahamian => Bahamas | code=BS
Barbadian => Barbados | code=BB
Trinidadian => Trinidad and Tobago | code=TT
Colombian => Colombia | code=CO
Venezuelan => Venezuela | code=VE
Ecuadorian => Ecuador | code=EC
Ecuadorean => Ecuador | code=EC
Peruvian => Peru | code=PE
Bolivian => Bolivia | code=BO
Chilean => Chile | code=CL
Argentine => Argentina | code=AR
Argentinian => Argentina | code=AR
Uruguayan => Uruguay | code=UY
Paraguayan => Paraguay | code=PY
Brazilian => Brazil | code=BR
Guyanese => Guyana | code=GY
Surinamese => Suriname | code=SR

# Sub-Saharan Africa
Nigerian => Nigeria | code=NG
Ghanaian => Ghana | code=GH
Senegalese => Senegal | code=SN
Malian => Mali | code=ML
Nigerien => Niger | code=NE
Burkinabe => Burkina Faso | code=BF
Chadian => Chad | code=TD
Sudanese => Sudan | code=SD
South Sudanese => South Sudan | code=SS
Ethiopian => Ethiopia | code=ET
Eritrean => Eritrea | code=ER
Somali => Somalia | code=SO
Djiboutian => Djibouti | code=DJ
Kenyan => Kenya | code=KE
Ugandan => Uganda | code=UG
Tanzanian => Tanzania | code=TZ
Rwandan => Rwanda | code=RW
Burundian => Burundi | code=BI
Congolese => Democratic Republic of the Congo | code=CD
Cameroonian => Cameroon | code=CM
Gabonese => Gabon | code=GA
Central African => Central African Republic | code=CF
Equatoguinean => Equatorial Guinea | code=GQ
Equatorial Guinean => Equatorial Guinea | code=GQ
Angolan => Angola | code=AO
Zambian => Zambia | code=ZM
Zimbabwean => Zimbabwe | code=ZW
Malawian => Malawi | code=MW
Mozambican => Mozambique | code=MZ
Namibian => Namibia | code=NA
Botswanan => Botswana | code=BW
Motswana => Botswana | code=BW
South African => South Africa | code=ZA
Basotho => Lesotho | code=LS
Swazi => Eswatini | code=SZ
Malagasy => Madagascar | code=MG
Mauritian => Mauritius | code=MU
Seychellois => Seychelles | code=SC
Comorian => Comoros | code=KM
Cape Verdean => Cabo Verde | code=CV
Cabo Verdean => Cabo Verde | code=CV
Guinean => Guinea | code=GN
Bissau-Guinean => Guinea-Bissau | code=GW
Sierra Leonean => Sierra Leone | code=SL
Liberian => Liberia | code=LR
Ivorian => Côte d'Ivoire | code=CI
Togolese => Togo | code=TG
Beninese => Benin | code=BJ
Gambian => Gambia | code=GM
Mauritanian => Mauritania | code=MR
