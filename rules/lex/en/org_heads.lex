# Head nouns that start or end institution names ("Ministry of ...",
# "... Committee"). Tag: orghead. Plurals map to the singular.

# Government and state bodies
Ministry | orghead
Ministries => Ministry | orghead
Committee | orghead
Committees => Committee | orghead
Commission | orghead
Commissions => Commission | orghead
Council | orghead
Councils => Council | orghead
Parliament | orghead
Majilis | orghead
Mazhilis | orghead
Majlis | orghead
Mejlis | orghead
Kurultai | orghead
Duma | orghead
Senate | orghead
Congress | orghead
Assembly | orghead
Chamber | orghead
Cabinet | orghead
Government | orghead
Presidium | orghead
Agency | orghead
Agencies => Agency | orghead
Service | orghead
Services => Service | orghead
Department | orghead
Departments => Department | orghead
Directorate | orghead
Inspectorate | orghead
Office | orghead
Bureau | orghead
Secretariat | orghead
Authority | orghead
Authorities => Authority | orghead
Administration | orghead
Akimat | orghead
Municipality | orghead
Embassy | orghead
Embassies => Embassy | orghead
Consulate | orghead
Consulate General | orghead
Mission | orghead
Delegation | orghead
Court | orghead
Courts => Court | orghead
Tribunal | orghead
Prosecutor's Office | orghead
Ombudsman's Office | orghead
Board | orghead
Police | orghead
Army | orghead
Command | orghead

# Education, science, culture, health
Academy | orghead
University | orghead
Universities => University | orghead
Institute | orghead
Institutes => Institute | orghead
College | orghead
School | orghead
Lyceum | orghead
Gymnasium | orghead
Center | orghead
Centre | orghead
Centers => Center | orghead
Centres => Centre | orghead
Laboratory | orghead
Observatory | orghead
Library | orghead
Museum | orghead
Theatre | orghead
Theater | orghead
Hospital | orghead
Clinic | orghead
Polyclinic | orghead

# Associations, parties and civil society
Association | orghead
Associations => Association | orghead
Union | orghead
Federation | orghead
Confederation | orghead
League | orghead
Alliance | orghead
Coalition | orghead
Movement | orghead
Party | orghead
Parties => Party | orghead
Society | orghead
Foundation | orghead
Fund | orghead
Funds => Fund | orghead
Trust | orghead
Network | orghead
Initiative | orghead
Partnership | orghead
Organization | orghead
Organisation | orghead
Organizations => Organization | orghead
Organisations => Organisation | orghead
Club | orghead
Group | orghead
Caucus | orghead

# Business
Bank | orghead
Banks => Bank | orghead
Company | orghead
Companies => Company | orghead
Corporation | orghead
Holding | orghead
Holdings | orghead
Group of Companies | orghead
Enterprise | orghead
Exchange | orghead
Consortium | orghead
Cooperative | orghead
Airlines | orghead
Airways | orghead
Inc | orghead suffix
Ltd | orghead suffix
LLC | orghead suffix
LLP | orghead suffix
JSC | orghead suffix
PLC | orghead suffix
GmbH | orghead suffix
Corp | orghead suffix
NJSC | orghead suffix
