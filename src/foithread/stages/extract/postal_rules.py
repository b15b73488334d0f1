"""Rule tables for postal addresses outside the UK postcode (DOMAIN 4.5), read by :mod:`.postal`.

* :data:`ADDRESS_ENDS` - the line endings that close an address in each country: a German PLZ and
  city (``14467 Potsdam``), a Belgian ``B-1190 Brussels``, a Dutch ``2511 CV Den Haag``, an Australian
  state and postcode (``Canberra BC ACT 2610``), a US state and ZIP (``Washington, D.C. 20210``), a New
  Zealand city and postcode (``Wellington 6143``) and a British Forces ``BFPO 52``. Each pattern has a
  ``postcode`` group and matches the whole closing piece, which the address value keeps as printed.
* :data:`COUNTRY_NAMES` - a country line after the closing piece (``Belgium``, ``Deutschland``)
  belongs to the address and names its country.
* :data:`STREET_COUNTRIES` - street vocabulary that tells the country of a five-digit postcode shared
  by several countries (``Straße`` DE, ``Calle`` ES, ``rue`` FR, ``Via`` IT).
* :data:`LOWER_ADDRESS_WORDS` - lower-case words an address component may hold (``25 avenue Molière``,
  ``4 centro``): street types and floor or door words of other languages.
"""

from __future__ import annotations

_US_STATES = (
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New[ ]Hampshire|New[ ]Jersey|New[ ]Mexico|New[ ]York|"
    r"North[ ]Carolina|North[ ]Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode[ ]Island|South[ ]Carolina|"
    r"South[ ]Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West[ ]Virginia|Wisconsin|Wyoming|"
    r"D\.C\.|DC|AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    r"NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_NZ_CITIES = (
    r"Wellington|Auckland|Christchurch|Hamilton|Dunedin|Tauranga|Napier|Hastings|Nelson|Rotorua|"
    r"New[ ]Plymouth|Palmerston[ ]North|Whanganui|Wanganui|Invercargill|Whangarei|Gisborne|Timaru|"
    r"Blenheim|Masterton|Porirua|Lower[ ]Hutt|Upper[ ]Hutt|Petone|Queenstown|Levin"
)
_CITY = r"[A-ZÄÖÜÀ-Ý][\wäöüßà-ÿ'’.\-]+(?:[ ](?:am|an|der|im|bei|sur|de|[A-ZÄÖÜ][\wäöüß'’.\-]+)){0,3}"
# what may stand just before the closing piece: a line start, a comma, a label's colon, or a space
# (tried only before a non-space, so the look-behind reads a white-space run once, at its end)
_AFTER_BREAK = r"(?=\S)(?:(?<=^)|(?<=\n)|(?<=^[ \t]+)|(?<=\n[ \t]+)|(?<=[,:][ \t]?))"
_AT_END = r"(?=[ \t]*(?:$|\n|,|;|\.(?:\s|$)))"


def _after_break(head: str) -> str:
    """``head`` after a break (:data:`_AFTER_BREAK`), ``head`` looked ahead for first: the same
    matches, but the look-behinds are only tried where ``head`` stands (10-20× faster)."""
    return "(?=" + head.replace("(?P<postcode>", "(?:") + ")" + _AFTER_BREAK + head


#: Ordered ``(name, country or None, pattern)``: the pieces that close an address (see the module doc).
ADDRESS_ENDS: tuple[tuple[str, str | None, str], ...] = (
    ("bfpo", "GB", r"(?<![\w-])BFPO[ ](?P<postcode>\d{1,4})" + _AT_END),
    ("us_zip", "US", r"(?<=[,][ \t]?|\n|^)(?:" + _US_STATES + r")[ ](?P<postcode>\d{5}(?:-\d{4})?)" + _AT_END),
    ("au_state", "AU", r"(?<![\w-])(?:ACT|NSW|NT|QLD|Qld|SA|TAS|Tas|VIC|Vic|WA)[ ]{1,2}(?P<postcode>\d{4})" + _AT_END),
    ("nz_city", "NZ", r"(?<![\w-])(?:" + _NZ_CITIES + r")[ ](?P<postcode>\d{4})" + _AT_END),
    ("be_prefixed", "BE", _after_break(r"B-(?P<postcode>\d{4})[ ]") + _CITY + _AT_END),
    ("be_brussels", "BE", _after_break(r"(?P<postcode>1[0-2]\d\d)[ ]") + r"(?:Brussels|Bruxelles|Brussel)" + _AT_END),
    ("nl_postcode", "NL", _after_break(r"(?P<postcode>[1-9]\d{3}[ ]?[A-Z]{2})[ ]") + _CITY + _AT_END),
    # five digits and a city: Germany's PLZ, also Spain, France and Italy (the street tells which)
    ("five_digit", None, _after_break(r"(?:D-)?(?P<postcode>\d{5})[ ]") + _CITY + _AT_END),
)

#: ``(ISO code, pattern)``: a line (or the text after a comma) naming the address's country.
COUNTRY_NAMES: tuple[tuple[str, str], ...] = (
    ("BE", r"Belgium|Belgique|België|Belgien|BELGIUM|BELGIQUE"),
    ("DE", r"Germany|Deutschland|GERMANY"),
    ("ES", r"Spain|España|Espana|SPAIN"),
    ("FR", r"France|FRANCE"),
    ("IT", r"Italy|Italia|ITALY"),
    ("NL", r"Netherlands|The[ ]Netherlands|Nederland"),
    ("LU", r"Luxembourg|Luxemburg"),
    ("AT", r"Austria|Österreich"),
    ("IE", r"Ireland|Éire"),
    ("AU", r"Australia|AUSTRALIA"),
    ("NZ", r"New[ ]Zealand|Aotearoa|NEW[ ]ZEALAND"),
    ("US", r"USA|U\.S\.A\.|United[ ]States(?:[ ]of[ ]America)?"),
    ("GB", r"United[ ]Kingdom|UK|Great[ ]Britain"),
)

#: ``(ISO code, pattern)``: street words that tell the country of a :data:`ADDRESS_ENDS` ``five_digit`` piece.
STREET_COUNTRIES: tuple[tuple[str, str], ...] = (
    ("DE", r"(?i:stra(?:ß|ss)e|str\.|weg|platz|allee|ring|damm|gasse|kamp|ufer|chaussee|postfach)(?=[\s\d,]|$)"),
    ("ES", r"\b(?:Calle|C/|Avenida|Avda\.|Plaza|Paseo|Carrer|Camino)\b"),
    ("FR", r"\b(?:rue|Rue|boulevard|Boulevard|chemin|Chemin|impasse|quai|Quai)\b"),
    ("IT", r"\b(?:Via|Viale|Piazza|Corso|Largo)\b"),
)

#: lower-case words an address component may hold besides the connectors of :mod:`.postal`
LOWER_ADDRESS_WORDS = frozenset(
    {
        "avenue", "rue", "boulevard", "chaussée", "place", "quai", "chemin", "impasse", "allée",
        "calle", "avenida", "plaza", "paseo", "via", "viale", "piazza", "corso", "straat", "laan", "weg",
        "centro", "izq", "izq.", "izquierda", "dcha", "dcha.", "derecha", "piso", "puerta", "bajo", "planta",
        "étage", "bis", "ter", "c/o", "des", "del", "della", "di", "van", "der", "von", "am", "im", "an",
    }
)  # fmt: skip
