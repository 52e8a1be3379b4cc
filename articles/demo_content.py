"""The demo newsroom: an invented outlet, invented reporters, invented reporting.

Every name of a person here is made up; places and institutions are real only
as settings for the kind of story an investigative desk in the region files.
"""

ORGANIZATION = {
    "organization_name": "Frontera Desk",
    "tagline": "Investigating organized crime and the state across the Americas.",
    "donation_enabled": True,
    "donation_appeal": (
        "Frontera Desk tracks criminal groups from the coca fields to the export "
        "docks. Each investigation takes months of records requests and field "
        "work. If our reporting is useful to you, help us keep it free."
    ),
    "donation_button_label": "Donate",
    "donation_url": "https://example.org/donate/frontera-desk",
    "comment_invitation": "Did we miss something? Send Frontera Desk your comments.",
    "comments_email": "editors@frontera-desk.example",
}

ORGANIZATION_SPANISH = {
    "tagline": "Investigamos el crimen organizado y el Estado en las Américas.",
    "donation_appeal": (
        "Frontera Desk sigue a los grupos criminales desde los cultivos de coca "
        "hasta los muelles de exportación. Cada investigación exige meses de "
        "pedidos de información y trabajo de campo. Si nuestro periodismo le es "
        "útil, ayúdenos a mantenerlo gratuito."
    ),
    "donation_button_label": "Donar",
    "comment_invitation": "¿Se nos escapó algo? Envíe sus comentarios a Frontera Desk.",
    "licence_notice": (
        "Puede copiar y distribuir este artículo sin fines comerciales, "
        "atribuyéndolo a {organization} en la firma y enlazando al original al "
        "principio y al final del artículo."
    ),
    "republish_rules": (
        "Atribuya el artículo a {organization} y al autor en la firma.\n"
        "Enlace al original al principio y al final del artículo.\n"
        "No lo modifique más allá del estilo y la extensión.\n"
        "No lo venda ni lo ponga detrás de un muro de pago.\n"
        "Republique las imágenes solo si están marcadas como republicables."
    ),
    "analysis_heading_template": "Análisis de {organization}",
    "licence_name": "Creative Commons Atribución-NoComercial 4.0 Internacional",
}

AUTHORS = [
    {
        "name": "Lucía Ferreyra",
        "bio": "Lucía covers ports, customs and maritime trafficking from Lima.",
    },
    {
        "name": "Daniel Okafor-Ruiz",
        "bio": "Daniel is our data editor; he builds the databases behind our "
        "investigations.",
    },
    {
        "name": "Marta Quispe",
        "bio": "Marta reports on mining and environmental crime in the Andes and "
        "the Amazon.",
    },
    {
        "name": "Tomás Hale",
        "bio": "Tomás writes about prisons, gangs and extortion in Central America.",
    },
    {
        "name": "Amazon Investigative Unit",
        "kind": "team",
        "name_es": "Unidad Investigativa de la Amazonía",
        "byline_article_es": "la",
        "bio": "Marta Quispe and Daniel Okafor-Ruiz follow environmental crime "
        "across the Amazon basin's borders.",
    },
]

# (name, Spanish name when it differs, region)
COUNTRIES = [
    ("Ecuador", "", "Andes"),
    ("Peru", "Perú", "Andes"),
    ("Colombia", "", "Andes"),
    ("Honduras", "", "Central America"),
    ("Brazil", "Brasil", "South America"),
]

# Tags naming one thing in English and in Spanish: the switcher goes from
# one's page to the other's.
TAG_COUNTERPARTS = [
    ("ports", "puertos"),
    ("cocaine", "cocaína"),
    ("customs", "aduanas"),
    ("gold", "oro"),
    ("Amazon", "Amazonía"),
]

TOPICS = [
    ("Drug trafficking", "Narcotráfico"),
    ("Ports", "Puertos"),
    ("Illegal mining", "Minería ilegal"),
    ("Environmental crime", "Delitos ambientales"),
    ("Extortion", "Extorsión"),
    ("Prisons", "Cárceles"),
]

# Each article: its fields, then relations by name. "days_ago" dates the
# publication; a negative value schedules it in the future.
ARTICLES = [
    {
        "slug": "banana-terminals-inspections-lag",
        "kind": "brief",
        "language": "en",
        "title": "Inspections Lag as Cocaine Moves Through Ecuador's Banana Terminals",
        "dek": (
            "Fewer than one in fifty containers leaving Ecuador's main fruit "
            "terminal is opened by inspectors, a gap that traffickers have learned "
            "to exploit as enforcement tightens elsewhere on the Pacific coast."
        ),
        "body": (
            "<p>Customs records reviewed by Frontera Desk show that inspectors at "
            "the port of Guayaquil physically examined 1.8 percent of refrigerated "
            "containers declared as fruit exports during the first half of the "
            "year, down from just over three percent the year before.</p>"
            "<p>Port officials attribute the fall to a shortage of scanners: two of "
            "the terminal's three X-ray units were out of service for most of the "
            "period, according to maintenance logs. Exporters, meanwhile, "
            "complained that manual inspections spoil perishable cargo and delay "
            "ships.</p>"
            "<p>Seizures tell a similar story. Police reported a string of large "
            "cocaine finds in fruit containers bound for Antwerp and Rotterdam, "
            "almost all of them made on arrival in Europe rather than before "
            "departure.</p>"
        ),
        "sections": [
            {
                "heading": "",
                "body": (
                    "<p>The numbers suggest that Ecuador's ports remain a weak link "
                    "even after a series of high-profile arrests. When a single "
                    "shipment hidden among legitimate fruit can be worth tens of "
                    "millions of dollars in Europe, a two-percent inspection rate is "
                    "less a deterrent than a cost of doing business.</p>"
                    '<aside class="see-also"><a href="/countries/ecuador/">'
                    "Ecuador news and profiles</a></aside>"
                    "<p>Traffickers have also adapted faster than the state. "
                    "Contamination now often happens after a container has been "
                    "sealed and inspected, when crews swap or break seals on the "
                    "way to the dock.</p>"
                ),
            },
            {
                "heading": "What to watch",
                "body": (
                    "<p>The government has promised new scanners before the next "
                    "harvest peak. Whether they arrive, and whether inspection rates "
                    "rise with them, is the clearest test of its port strategy.</p>"
                ),
            },
        ],
        "authors": ["Lucía Ferreyra", "Daniel Okafor-Ruiz"],
        "country": "Ecuador",
        "topics": ["Drug trafficking", "Ports"],
        "tags": ["ports", "cocaine", "customs", "Europe"],
        "days_ago": 1,
        "image": (
            "Container cranes at dusk over stacked refrigerated containers",
            "#1d3557",
        ),
        "translation": "terminales-bananeras-inspecciones",
    },
    {
        "slug": "terminales-bananeras-inspecciones",
        "kind": "brief",
        "language": "es",
        "title": (
            "La cocaína pasa por las terminales bananeras de Ecuador con pocas "
            "inspecciones"
        ),
        "dek": (
            "Menos de uno de cada cincuenta contenedores que salen de la principal "
            "terminal frutera de Ecuador es abierto por los inspectores, una brecha "
            "que los traficantes aprovechan mientras se endurecen los controles en "
            "otros puntos de la costa del Pacífico."
        ),
        "body": (
            "<p>Registros de aduanas revisados por Frontera Desk muestran que los "
            "inspectores del puerto de Guayaquil revisaron físicamente el 1,8 por "
            "ciento de los contenedores refrigerados declarados como exportaciones "
            "de fruta en el primer semestre, frente a algo más del tres por ciento "
            "el año anterior.</p>"
            "<p>Los funcionarios del puerto atribuyen la caída a la falta de "
            "escáneres: dos de los tres equipos de rayos X de la terminal estuvieron "
            "fuera de servicio durante la mayor parte del periodo, según los "
            "registros de mantenimiento.</p>"
        ),
        "sections": [
            {
                "heading": "Análisis de Frontera Desk",
                "body": (
                    "<p>Las cifras sugieren que los puertos de Ecuador siguen siendo "
                    "un eslabón débil incluso después de varias capturas de alto "
                    "perfil. Con una tasa de inspección del dos por ciento, el "
                    "control es más un costo del negocio que un freno.</p>"
                ),
            },
        ],
        "authors": ["Lucía Ferreyra", "Daniel Okafor-Ruiz"],
        "country": "Ecuador",
        "topics": ["Drug trafficking", "Ports"],
        "tags": ["puertos", "cocaína", "aduanas"],
        "days_ago": 1,
        # The library image of the English original, reused as editors do.
        "image_from": "banana-terminals-inspections-lag",
    },
    {
        "slug": "gold-dredges-return-madre-de-dios",
        "kind": "brief",
        "language": "en",
        "title": "Gold Dredges Return to Peru's Madre de Dios After River Patrols End",
        "dek": (
            "Within weeks of the end of a joint military and police operation, "
            "satellite images show dozens of illegal dredges back on the rivers "
            "of Peru's southern Amazon."
        ),
        "body": (
            "<p>An operation that had kept the Malinowski and Madre de Dios rivers "
            "largely clear of illegal mining ended in the spring. By the end of "
            "the following month, imagery analysed by Frontera Desk showed at least "
            "forty floating dredges working the same stretches of water.</p>"
            "<p>Local officials say the miners never left the region: they moved "
            "their equipment up tributaries and waited. Fuel sellers along the "
            "Interoceanic Highway reported that sales recovered as soon as the "
            "patrol boats withdrew.</p>"
            # A map embed: on the page, a placeholder that loads it on a click.
            '<figure data-embed="openstreetmap" data-embed-id="9/-12.6/-69.2" '
            'data-embed-title="The rivers of Madre de Dios"></figure>'
        ),
        "sections": [
            {
                "heading": "",
                "body": (
                    "<p>Operations that occupy a river for a season and then leave "
                    "have a long record of displacing illegal mining rather than "
                    "ending it. The miners' costs are low, their equipment mobile "
                    "and the price of gold high.</p>"
                    "<p>A lasting presence, and control of the fuel and mercury "
                    "supply chains that make dredging possible, has been the "
                    "missing piece in every plan so far.</p>"
                ),
            },
        ],
        "authors": ["Marta Quispe"],
        "country": "Peru",
        "topics": ["Illegal mining", "Environmental crime"],
        "tags": ["gold", "Amazon", "mercury"],
        "days_ago": 3,
        "image": (
            "A mining dredge on a brown river edged by cleared forest",
            "#6b4226",
        ),
        "translation": "dragas-de-oro-vuelven-madre-de-dios",
    },
    {
        "slug": "dragas-de-oro-vuelven-madre-de-dios",
        "kind": "brief",
        "language": "es",
        "title": (
            "Las dragas de oro vuelven a Madre de Dios tras el fin de los patrullajes"
        ),
        "dek": (
            "Pocas semanas después de terminar un operativo militar y policial, las "
            "imágenes satelitales muestran decenas de dragas ilegales de nuevo en "
            "los ríos de la Amazonía sur del Perú."
        ),
        "body": (
            "<p>Un operativo que había mantenido los ríos Malinowski y Madre de "
            "Dios casi libres de minería ilegal terminó en primavera. A fines del "
            "mes siguiente, las imágenes analizadas por Frontera Desk mostraban al "
            "menos cuarenta dragas trabajando los mismos tramos.</p>"
        ),
        "sections": [
            {
                "heading": "Análisis de Frontera Desk",
                "body": (
                    "<p>Los operativos que ocupan un río durante una temporada y "
                    "luego se retiran suelen desplazar la minería ilegal en lugar de "
                    "acabar con ella.</p>"
                ),
            },
        ],
        "authors": ["Marta Quispe"],
        "country": "Peru",
        "topics": ["Illegal mining", "Environmental crime"],
        "tags": ["oro", "Amazonía"],
        "days_ago": 3,
        # The library image of the English original, reused as editors do.
        "image_from": "gold-dredges-return-madre-de-dios",
    },
    {
        "slug": "honduras-prison-extortion-cells",
        "kind": "analysis",
        "language": "en",
        "title": "How Extortion Rings Keep Running From Honduran Prison Cells",
        "dek": (
            "Phone signal blockers, transfers and lockdowns have not stopped gang "
            "leaders from collecting payments from bus drivers and shopkeepers "
            "outside the walls."
        ),
        "body": (
            "<p>Bus owners in two northern cities told Frontera Desk that weekly "
            "extortion payments continued without interruption during the last "
            "prison lockdown. Collectors on the outside, several of them relatives "
            "of inmates, kept the routes and the ledgers.</p>"
            "<p>Court files from three recent cases describe the same structure: a "
            "leader inside sets the quotas, a small outside cell collects and "
            "launders the money through small businesses.</p>"
        ),
        "sections": [
            {
                "heading": "",
                "body": (
                    "<p>Cutting phone signal inside prisons targets the most visible "
                    "link in the chain, but the business depends as much on the "
                    "people outside and on the fear that one unpaid week will be "
                    "punished.</p>"
                ),
            },
            {
                "heading": "The money trail",
                "body": (
                    "<p>Investigators who followed the deposits found them split "
                    "into amounts below reporting thresholds, a pattern that banks "
                    "could flag if they were asked to look for it.</p>"
                ),
            },
        ],
        "authors": ["Tomás Hale"],
        "country": "Honduras",
        "topics": ["Extortion", "Prisons"],
        "tags": ["gangs", "extortion", "prisons"],
        "days_ago": 6,
        "image": (
            "A prison perimeter wall with a watchtower under a grey sky",
            "#3a3a3a",
        ),
    },
    {
        "slug": "colombia-seized-aircraft-registry",
        "kind": "news",
        "language": "en",
        "title": "Colombia Opens a Public Registry of Seized Aircraft",
        "dek": (
            "The registry lists planes and helicopters confiscated in drug cases, "
            "a first step toward tracing who owned them and where they flew."
        ),
        "body": (
            "<p>Colombia's asset management agency published a searchable list of "
            "more than two hundred aircraft seized in drug trafficking cases over "
            "the past decade, with registration numbers and the dates of seizure.</p>"
            "<p>Researchers have long asked for the data to study how trafficking "
            "networks buy and register aircraft through front companies.</p>"
        ),
        "sections": [],
        "authors": ["Daniel Okafor-Ruiz"],
        "country": "Colombia",
        "topics": ["Drug trafficking"],
        "tags": ["aircraft", "transparency", "cocaine"],
        "days_ago": 9,
    },
    {
        "slug": "timber-trail-amazon-export-docks",
        "kind": "investigation",
        "language": "en",
        "title": "The Timber Trail: From Cleared Amazon Plots to Export Docks",
        "dek": (
            "A six-month investigation follows illegally felled hardwood through "
            "forged transport permits to shipping containers bound for three "
            "continents."
        ),
        "body": (
            "<p>Frontera Desk matched more than four thousand transport permits "
            "against satellite records of the plots they claimed to come from. In "
            "one permit out of five, the declared plot showed no logging at all; "
            "the wood came from somewhere else.</p>"
            # An inline figure from the media library: see "figure" below.
            "{figure}"
            "<h2>Laundered on paper</h2>"
            "<p>The forged permits were issued in batches and used to give legal "
            "cover to timber cut inside protected areas and indigenous territories.</p>"
            # A chart embed: a placeholder until the reader loads it.
            '<figure data-embed="datawrapper" data-embed-id="aB3xY" '
            'data-embed-title="Permits matched against satellite records"></figure>'
        ),
        "sections": [
            {
                "heading": "",
                "body": (
                    "<p>Paper controls that are never checked against the forest "
                    "itself invite fraud. Cross-checking permits with public "
                    "satellite imagery costs little and would have flagged most of "
                    "the cases we found.</p>"
                ),
            },
        ],
        "authors": ["Amazon Investigative Unit"],
        "country": "Brazil",
        "countries": ["Peru", "Colombia"],
        "topics": ["Environmental crime"],
        "tags": ["timber", "Amazon", "permits"],
        "days_ago": 14,
        "image": ("Stacked hardwood logs in a riverside timber yard", "#2d6a4f"),
        # (alt text, colour, caption) of a library image shown inside the body.
        "figure": (
            "A forged transport permit beside a satellite image of an uncut plot",
            "#8a5a44",
            "The plot this permit names showed no logging in the satellite record.",
        ),
        # (kind, text, days ago): notes added after publication.
        "corrections": [
            (
                "correction",
                "An earlier version said one permit in four was forged. The "
                "correct figure is one in five.",
                10,
            ),
            (
                "update",
                "Brazil's environment agency opened an inquiry into the permits "
                "after this investigation was published.",
                2,
            ),
        ],
    },
    {
        "slug": "ports-security-plan-under-review",
        "kind": "news",
        "language": "en",
        "title": "Draft: What the New Ports Security Plan Leaves Out",
        "dek": "A writer's draft waiting for an editor's review.",
        "body": "<p>Still being reported.</p>",
        "sections": [],
        "authors": ["Lucía Ferreyra"],
        "country": "Ecuador",
        "topics": ["Ports"],
        "tags": ["ports"],
        "status": "review",
    },
    {
        "slug": "coca-prices-border-regions",
        "kind": "brief",
        "language": "en",
        "title": "Coca Leaf Prices Climb in Peru's Border Regions",
        "dek": "Scheduled: farmgate prices rose for a third straight quarter.",
        "body": "<p>Farmgate prices for coca leaf rose again this quarter.</p>",
        "sections": [],
        "authors": ["Marta Quispe"],
        "country": "Peru",
        "topics": ["Drug trafficking"],
        "tags": ["coca"],
        "days_ago": -2,
    },
]

RELATED = {
    "banana-terminals-inspections-lag": [
        "colombia-seized-aircraft-registry",
        "timber-trail-amazon-export-docks",
    ],
    "gold-dredges-return-madre-de-dios": ["timber-trail-amazon-export-docks"],
}

ORGANIZATION_NEWS = [
    {
        "slug": "frontera-desk-wins-data-journalism-award",
        "title": "Frontera Desk's Timber Investigation Wins a Data Journalism Award",
        "excerpt": (
            "The jury cited the team's method of matching transport permits "
            "against satellite imagery, which other newsrooms can now reuse."
        ),
        "body": (
            "<p>We are publishing the matching scripts and a guide so that other "
            "newsrooms can run the same checks in their own countries.</p>"
        ),
        "days_ago": 4,
    },
    {
        "slug": "frontera-desk-trains-local-reporters",
        "title": "Frontera Desk Trains Forty Local Reporters in Records Requests",
        "excerpt": (
            "Three workshops in Lima, Quito and Tegucigalpa covered public records "
            "requests, court files and safe reporting on armed groups."
        ),
        "body": "<p>Materials from the workshops are free to download.</p>",
        "days_ago": 12,
    },
    {
        "slug": "frontera-desk-database-cited-by-congress",
        "title": "Our Seizures Database Cited in a Congressional Ports Hearing",
        "excerpt": (
            "Lawmakers used Frontera Desk's database of container seizures to "
            "question port officials about inspection rates."
        ),
        "body": "<p>The database is updated every month.</p>",
        "days_ago": 20,
    },
    {
        "slug": "frontera-desk-premio-periodismo-de-datos",
        "language": "es",
        "title": "Frontera Desk gana un premio de periodismo de datos",
        "excerpt": (
            "El jurado destacó el método de cruzar permisos de transporte con "
            "imágenes satelitales, que otras redacciones ya pueden reutilizar."
        ),
        "body": "<p>Publicamos los scripts y una guía para otras redacciones.</p>",
        "days_ago": 4,
    },
    {
        "slug": "frontera-desk-capacita-periodistas-locales",
        "language": "es",
        "title": "Frontera Desk capacita a cuarenta periodistas locales",
        "excerpt": (
            "Talleres en Lima, Quito y Tegucigalpa sobre pedidos de información "
            "pública, expedientes judiciales y cobertura segura."
        ),
        "body": "<p>Los materiales de los talleres se pueden descargar.</p>",
        "days_ago": 12,
    },
]
