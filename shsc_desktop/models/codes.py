"""Every code list the app uses, in one place, with Khmer and English labels.

Forms, statistics, PDFs and bundles all read these lists, so a code means the same everywhere. Codes
are stable ASCII identifiers stored in the database and carried in bundles; labels may be improved
freely. Sources: GBVIMS classification and Incident Recorder lists, Primero lookups (facts only) and
the suggestions of ``reference/domain.md`` §5.

Khmer labels were written for this project and should be reviewed by a native-speaking CCWC member
before release (see README, "Translations").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    en: str
    km: str

    def label(self, lang: str) -> str:
        return self.km if lang == "km" else self.en


class CodeList:
    """An ordered, immutable list of codes."""

    def __init__(self, name: str, items: list[tuple[str, str, str]]) -> None:
        self.name = name
        self._items = [Code(c, en, km) for c, en, km in items]
        self._by_code = {c.code: c for c in self._items}
        if len(self._by_code) != len(self._items):
            raise ValueError(f"duplicate code in list {name}")

    def __iter__(self) -> Iterator[Code]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> list[str]:
        return [c.code for c in self._items]

    def get(self, code: str) -> Code:
        return self._by_code[code]

    def label(self, code: str | None, lang: str) -> str:
        if code is None:
            return ""
        item = self._by_code.get(code)
        return item.label(lang) if item else code


# --- GBVIMS classification (elimination order matters: see ``classify``) -----------------------

GBV_TYPE = CodeList(
    "gbv_type",
    [
        ("rape", "Rape", "ការរំលោភសេពសន្ថវៈ"),
        ("sexual_assault", "Sexual assault", "ការរំលោភបំពានផ្លូវភេទ"),
        ("physical_assault", "Physical assault", "ការវាយប្រហាររាងកាយ"),
        ("forced_marriage", "Forced marriage", "ការបង្ខំឱ្យរៀបការ"),
        ("denial_resources", "Denial of resources, opportunities or services", "ការបដិសេធធនធាន ឱកាស ឬសេវា"),
        ("psych_emotional", "Psychological / emotional abuse", "ការរំលោភបំពានផ្លូវចិត្ត/អារម្មណ៍"),
        ("non_gbv", "Non-GBV", "មិនមែនអំពើហិង្សាផ្អែកលើយេនឌ័រ"),
    ],
)

# The six questions of the GBVIMS classification tool, in order; the first "yes" decides the type.
CLASSIFICATION_QUESTIONS: list[tuple[str, str, str]] = [
    ("rape", "Did the incident involve penetration?", "តើឧប្បត្តិហេតុនេះមានការជ្រៀតចូលដែរឬទេ?"),
    (
        "sexual_assault",
        "Did the incident involve unwanted sexual contact?",
        "តើឧប្បត្តិហេតុនេះមានការប៉ះពាល់ផ្លូវភេទដោយមិនយល់ព្រមដែរឬទេ?",
    ),
    (
        "physical_assault",
        "Did the incident involve physical assault?",
        "តើឧប្បត្តិហេតុនេះមានការវាយប្រហាររាងកាយដែរឬទេ?",
    ),
    (
        "forced_marriage",
        "Was the incident an act of forced marriage?",
        "តើឧប្បត្តិហេតុនេះជាការបង្ខំឱ្យរៀបការដែរឬទេ?",
    ),
    (
        "denial_resources",
        "Did the incident involve the denial of resources, opportunities or services?",
        "តើឧប្បត្តិហេតុនេះមានការបដិសេធធនធាន ឱកាស ឬសេវាដែរឬទេ?",
    ),
    (
        "psych_emotional",
        "Did the incident involve psychological or emotional abuse?",
        "តើឧប្បត្តិហេតុនេះមានការរំលោភបំពានផ្លូវចិត្ត ឬអារម្មណ៍ដែរឬទេ?",
    ),
]


def classify(answers: list[bool | None]) -> str | None:
    """GBVIMS elimination: the type of the first question answered yes.

    ``answers`` follows :data:`CLASSIFICATION_QUESTIONS`. If every question is answered no, the
    incident is ``non_gbv``; if an earlier question is still unanswered, there is no type yet.
    """
    for (code, _en, _km), answer in zip(CLASSIFICATION_QUESTIONS, answers, strict=False):
        if answer is None:
            return None
        if answer:
            return code
    if len(answers) >= len(CLASSIFICATION_QUESTIONS):
        return "non_gbv"
    return None


UNKNOWN = ("unknown", "Unknown", "មិនដឹង")
"""The "not known" entry many lists end with: one label, so it reads the same in every form."""
OTHER = ("other", "Other", "ផ្សេងៗ")
"""The "other" entry of the lists that have one."""

# --- Survivor ----------------------------------------------------------------------------------

SEX = CodeList(
    "sex",
    [("female", "Female", "ស្រី"), ("male", "Male", "ប្រុស"), UNKNOWN],
)

AGE_GROUP = CodeList(
    "age_group",
    [
        ("0_11", "0–11", "០–១១"),
        ("12_17", "12–17", "១២–១៧"),
        ("18_25", "18–25", "១៨–២៥"),
        ("26_40", "26–40", "២៦–៤០"),
        ("41_60", "41–60", "៤១–៦០"),
        ("61_plus", "61 and over", "៦១ ឡើងទៅ"),
        UNKNOWN,
    ],
)


def age_group(age: int | None) -> str:
    if age is None:
        return "unknown"
    for upper, code in ((11, "0_11"), (17, "12_17"), (25, "18_25"), (40, "26_40"), (60, "41_60")):
        if age <= upper:
            return code
    return "61_plus"


MARITAL_STATUS = CodeList(
    "marital_status",
    [
        ("single", "Single", "នៅលីវ"),
        ("married_cohabiting", "Married / living together", "រៀបការ/រស់នៅជាមួយគ្នា"),
        ("divorced_separated", "Divorced / separated", "លែងលះ/បែកគ្នា"),
        ("widowed", "Widowed", "មេម៉ាយ/ពោះម៉ាយ"),
        UNKNOWN,
    ],
)

DISABILITY = CodeList(
    "disability",
    [
        ("none", "None", "គ្មាន"),
        ("physical", "Physical", "រាងកាយ"),
        ("mental_intellectual", "Mental / intellectual", "ផ្លូវចិត្ត/បញ្ញា"),
        ("sensory", "Sensory (sight, hearing)", "ញាណ (ការមើលឃើញ ការស្ដាប់)"),
        ("multiple", "Multiple", "ច្រើនប្រភេទ"),
        UNKNOWN,
    ],
)

REPORTED_BY = CodeList(
    "reported_by",
    [
        ("survivor", "Survivor herself", "ជនរងគ្រោះផ្ទាល់"),
        ("family", "Family member", "សមាជិកគ្រួសារ"),
        ("neighbour", "Neighbour / community member", "អ្នកជិតខាង/សមាជិកសហគមន៍"),
        ("village_chief", "Village chief", "មេភូមិ"),
        ("police", "Police", "នគរបាល"),
        ("health_centre", "Health centre", "មណ្ឌលសុខភាព"),
        ("ngo", "NGO", "អង្គការមិនមែនរដ្ឋាភិបាល"),
        OTHER,
    ],
)

LOCATION_TYPE = CodeList(
    "location_type",
    [
        ("own_home", "Survivor's home", "ផ្ទះជនរងគ្រោះ"),
        ("perpetrator_home", "Perpetrator's home", "ផ្ទះជនល្មើស"),
        ("other_home", "Another home", "ផ្ទះផ្សេង"),
        ("street", "Street / public place", "ផ្លូវ/ទីសាធារណៈ"),
        ("workplace", "Workplace (e.g. factory)", "កន្លែងធ្វើការ (ឧ. រោងចក្រ)"),
        ("school", "School", "សាលារៀន"),
        ("market", "Market", "ផ្សារ"),
        ("entertainment", "Entertainment venue", "កន្លែងកម្សាន្ត"),
        ("online_phone", "Online / phone", "តាមអនឡាញ/ទូរស័ព្ទ"),
        OTHER,
        UNKNOWN,
    ],
)

TIME_OF_DAY = CodeList(
    "time_of_day",
    [
        ("morning", "Morning (sunrise to noon)", "ពេលព្រឹក"),
        ("afternoon", "Afternoon (noon to sunset)", "ពេលរសៀល"),
        ("evening_night", "Evening / night", "ពេលល្ងាច/យប់"),
        UNKNOWN,
    ],
)

YES_NO_UNKNOWN = CodeList(
    "yes_no_unknown",
    [("yes", "Yes", "បាទ/ចាស"), ("no", "No", "ទេ"), UNKNOWN],
)

ELAPSED_REPORTING = CodeList(
    "elapsed_reporting",
    [
        ("0_3_days", "0–3 days", "០–៣ ថ្ងៃ"),
        ("4_5_days", "4–5 days", "៤–៥ ថ្ងៃ"),
        ("6_14_days", "6–14 days", "៦–១៤ ថ្ងៃ"),
        ("2_weeks_1_month", "2 weeks – 1 month", "២ សប្ដាហ៍ – ១ ខែ"),
        ("over_1_month", "More than 1 month", "លើសពី ១ ខែ"),
        UNKNOWN,
    ],
)


def elapsed_reporting(days: int | None) -> str:
    if days is None or days < 0:
        return "unknown"
    if days <= 3:
        return "0_3_days"
    if days <= 5:
        return "4_5_days"
    if days <= 14:
        return "6_14_days"
    if days <= 31:
        return "2_weeks_1_month"
    return "over_1_month"


# --- Perpetrator -------------------------------------------------------------------------------

RELATIONSHIP = CodeList(
    "relationship",
    [
        ("current_partner", "Current husband / partner", "ប្ដី/ដៃគូបច្ចុប្បន្ន"),
        ("former_partner", "Former husband / partner", "អតីតប្ដី/អតីតដៃគូ"),
        ("boyfriend", "Boyfriend (not living together)", "សង្សារ (មិនរស់នៅជាមួយគ្នា)"),
        ("parent", "Parent / step-parent", "ឪពុកម្ដាយ/ឪពុកចុង ម្ដាយចុង"),
        ("other_family", "Other family member", "សមាជិកគ្រួសារផ្សេងទៀត"),
        ("employer", "Employer / supervisor", "និយោជក/អ្នកគ្រប់គ្រង"),
        ("neighbour_friend", "Neighbour / family friend", "អ្នកជិតខាង/មិត្តភក្ដិគ្រួសារ"),
        ("teacher", "Teacher / school official", "គ្រូបង្រៀន/បុគ្គលិកសាលា"),
        ("service_provider", "Service provider", "អ្នកផ្ដល់សេវា"),
        ("stranger", "Stranger", "មនុស្សមិនស្គាល់"),
        OTHER,
        UNKNOWN,
    ],
)

INTIMATE_PARTNER_CODES = frozenset({"current_partner", "former_partner", "boyfriend"})

# Case context is derived from the type, ages and relationships, never typed (GBVIMS).
CASE_CONTEXT = CodeList(
    "case_context",
    [
        ("ipv", "Intimate partner violence", "អំពើហិង្សាដោយដៃគូ"),
        ("child_sexual_abuse", "Child sexual abuse", "ការរំលោភបំពានផ្លូវភេទលើកុមារ"),
        ("early_marriage", "Early marriage", "អាពាហ៍ពិពាហ៍មុនអាយុ"),
        ("possible_sexual_exploitation", "Possible sexual exploitation", "ការកេងប្រវ័ញ្ចផ្លូវភេទដែលអាចកើតមាន"),
    ],
)


# --- Commune response --------------------------------------------------------------------------

COMMUNE_ACTION = CodeList(
    "commune_action",
    [
        ("counselling", "Counselling at the commune", "ការប្រឹក្សានៅឃុំ/សង្កាត់"),
        ("safety_plan", "Safety plan", "ផែនការសុវត្ថិភាព"),
        ("warning", "Warning to the perpetrator", "ការព្រមានជនល្មើស"),
        ("administrative_decision", "Administrative decision issued", "ការចេញសេចក្ដីសម្រេចរដ្ឋបាល"),
        ("mediation", "Mediation / conciliation", "ការសម្រុះសម្រួល"),
        ("escort", "Escort to a service", "ការជូនដំណើរទៅកាន់សេវា"),
        ("police_report", "Reported to the police", "ការរាយការណ៍ទៅនគរបាល"),
        ("none", "None", "គ្មាន"),
    ],
)

RISK_LEVEL = CodeList(
    "risk_level",
    [("low", "Low", "ទាប"), ("medium", "Medium", "មធ្យម"), ("high", "High", "ខ្ពស់")],
)

INCIDENT_STATUS = CodeList(
    "incident_status",
    [
        ("open", "Open", "បើក"),
        ("referred", "Referred", "បានបញ្ជូន"),
        ("follow_up", "Follow-up", "តាមដាន"),
        ("closed", "Closed", "បិទ"),
    ],
)

CONSENT = CodeList(
    "consent",
    [("yes", "Yes", "យល់ព្រម"), ("no", "No", "មិនយល់ព្រម"), ("not_asked", "Not asked", "មិនបានសួរ")],
)

# --- Children (survivors under 18) --------------------------------------------------------------
# GBVIMS Caring for Child Survivors: a child's consent is given through a route; the route, its
# reason and who decided are codes (never free text, so nothing here can name a person: details
# belong in the sealed narrative).

CHILD_CONSENT_ROUTE = CodeList(
    "child_consent_route",
    [
        ("guardian", "Her parent or guardian consents", "ឪពុកម្ដាយ ឬអាណាព្យាបាលយល់ព្រម"),
        (
            "trusted_adult",
            "A trusted adult who is not the offender consents",
            "មនុស្សពេញវ័យដែលគួរទុកចិត្ត និងមិនមែនជាជនល្មើស យល់ព្រម",
        ),
        (
            "best_interests",
            "Best-interests decision by the focal point or the chief",
            "សេចក្ដីសម្រេចដើម្បីឧត្តមប្រយោជន៍កុមារ ដោយអ្នកទទួលបន្ទុក ឬមេឃុំ/ចៅសង្កាត់",
        ),
    ],
)

CHILD_CONSENT_REASON = CodeList(
    "child_consent_reason",
    [
        (
            "guardian_is_offender",
            "The parent or guardian is the alleged offender",
            "ឪពុកម្ដាយ ឬអាណាព្យាបាល ជាជនល្មើសដែលត្រូវសង្ស័យ",
        ),
        (
            "guardian_unavailable",
            "No parent or guardian can be reached",
            "មិនអាចទាក់ទងឪពុកម្ដាយ ឬអាណាព្យាបាលបាន",
        ),
        (
            "guardian_not_protective",
            "The guardian would not act in her best interests",
            "អាណាព្យាបាលនឹងមិនធ្វើសកម្មភាពដើម្បីឧត្តមប្រយោជន៍របស់នាង",
        ),
        (
            "child_at_risk",
            "Asking the guardian would put her at risk",
            "ការសួរអាណាព្យាបាលនឹងធ្វើឱ្យនាងប្រឈមនឹងគ្រោះថ្នាក់",
        ),
        ("other", "Other (explain in the narrative)", "ផ្សេងៗ (ពន្យល់ក្នុងការរៀបរាប់)"),
    ],
)

DECIDED_BY = CodeList(
    "decided_by",
    [
        ("focal_point", "The commune focal point", "អ្នកទទួលបន្ទុកឃុំ/សង្កាត់"),
        ("commune_chief", "The commune chief", "មេឃុំ/ចៅសង្កាត់"),
    ],
)

CHILD_PROTECTION_REFERRAL = CodeList(
    "child_protection_referral",
    [
        ("referred", "Referred to child protection", "បានបញ្ជូនទៅសេវាការពារកុមារ"),
        ("to_refer", "To be referred (follow up)", "នឹងបញ្ជូន (តាមដាន)"),
        (
            "already_receiving",
            "Already followed by child protection",
            "កំពុងតាមដានដោយសេវាការពារកុមាររួចហើយ",
        ),
        ("not_referred", "Not referred", "មិនបានបញ្ជូន"),
    ],
)

# --- Legal context (2005 Law on the Prevention of Domestic Violence; Criminal Procedure Code) -----

LEGAL_DUTY = CodeList(
    "legal_duty",
    [
        ("yes", "Yes, reported to the police or the prosecutor", "បាទ/ចាស បានរាយការណ៍ទៅនគរបាល ឬព្រះរាជអាជ្ញា"),
        ("no", "No (give the reason)", "ទេ (ផ្ដល់មូលហេតុ)"),
        UNKNOWN,
    ],
)

NOT_REPORTED_REASON = CodeList(
    "not_reported_reason",
    [
        ("already_reported", "Already reported by someone else", "មានអ្នកផ្សេងបានរាយការណ៍រួចហើយ"),
        ("not_an_offence", "Not a criminal offence", "មិនមែនជាបទល្មើសព្រហ្មទណ្ឌ"),
        ("safety_risk", "Reporting would put her at risk", "ការរាយការណ៍នឹងធ្វើឱ្យនាងប្រឈមនឹងគ្រោះថ្នាក់"),
        ("refused", "She (or her guardian) refused", "នាង (ឬអាណាព្យាបាល) បដិសេធ"),
        ("other", "Other (explain in the narrative)", "ផ្សេងៗ (ពន្យល់ក្នុងការរៀបរាប់)"),
    ],
)

# The commune/sangkat chief's administrative decision under the 2005 DV law. The list is this
# project's reading of the law's protective measures; confirm against MoWA's official text
# (reference/domain.md §7, open question 1) before release.
ADMIN_MEASURE = CodeList(
    "admin_measure",
    [
        ("warning_letter", "Written warning to the perpetrator", "លិខិតព្រមានជនល្មើស"),
        ("stop_violence", "Order to stop the violence", "បញ្ជាឱ្យបញ្ឈប់អំពើហិង្សា"),
        ("removal_from_home", "Removal of the perpetrator from the home", "បញ្ជាឱ្យជនល្មើសចាកចេញពីផ្ទះ"),
        (
            "stay_away",
            "Stay away from her home or workplace",
            "ហាមចូលជិតផ្ទះ ឬកន្លែងធ្វើការរបស់នាង",
        ),
        ("protect_property", "Ban on damaging or selling property", "ហាមធ្វើឱ្យខូចខាត ឬលក់ទ្រព្យសម្បត្តិ"),
        ("weapons_seized", "Weapons seized", "រឹបអូសអាវុធ"),
        OTHER,
    ],
)

PROTECTION_ORDER = CodeList(
    "protection_order",
    [
        ("not_requested", "Not requested", "មិនបានស្នើសុំ"),
        ("requested", "Requested, not yet decided", "បានស្នើសុំ មិនទាន់សម្រេច"),
        ("granted", "Requested and granted", "បានស្នើសុំ និងបានចេញ"),
        ("refused", "Requested and refused", "បានស្នើសុំ តែត្រូវបានបដិសេធ"),
        UNKNOWN,
    ],
)

# --- Referrals ---------------------------------------------------------------------------------

SERVICE_TYPE = CodeList(
    "service_type",
    [
        ("health", "Health / medical", "សុខភាព/វេជ្ជសាស្ត្រ"),
        ("psychosocial", "Psychosocial / counselling", "ចិត្តសង្គម/ការប្រឹក្សា"),
        ("legal", "Legal aid", "ជំនួយផ្លូវច្បាប់"),
        ("police", "Police / security", "នគរបាល/សន្តិសុខ"),
        ("shelter", "Safe shelter", "ទីជម្រកសុវត្ថិភាព"),
        ("livelihood", "Livelihood / economic support", "ជីវភាព/ការគាំទ្រសេដ្ឋកិច្ច"),
        ("child_protection", "Child protection / social affairs", "ការការពារកុមារ/កិច្ចការសង្គម"),
        ("mowa_jpa", "MoWA judicial police agent", "មន្ត្រីនគរបាលយុត្តិធម៌ ក្រសួងកិច្ចការនារី"),
        OTHER,
    ],
)

REFERRAL_STATUS = CodeList(
    "referral_status",
    [
        ("referred", "Referred", "បានបញ្ជូន"),
        ("provided_by_commune", "Service provided by the commune", "សេវាផ្ដល់ដោយឃុំ/សង្កាត់"),
        ("already_receiving", "Already receiving from another agency", "កំពុងទទួលពីស្ថាប័នផ្សេង"),
        ("not_applicable", "Service not applicable", "សេវាមិនពាក់ព័ន្ធ"),
        ("declined", "Referral declined by survivor", "ជនរងគ្រោះបដិសេធការបញ្ជូន"),
        ("unavailable", "Service unavailable", "គ្មានសេវា"),
    ],
)

REFERRAL_OUTCOME = CodeList(
    "referral_outcome",
    [
        ("pending", "Pending", "កំពុងរង់ចាំ"),
        ("received", "Service received", "បានទទួលសេវា"),
        ("not_received", "Service not received", "មិនបានទទួលសេវា"),
        UNKNOWN,
    ],
)

URGENCY = CodeList(
    "urgency",
    [
        ("immediate", "Immediate", "បន្ទាន់"),
        ("within_72h", "Within 72 hours", "ក្នុងរយៈពេល ៧២ ម៉ោង"),
        ("routine", "Routine", "ធម្មតា"),
    ],
)

REFERRAL_MODE = CodeList(
    "referral_mode",
    [
        ("escorted", "Escorted", "មានអ្នកជូនដំណើរ"),
        ("slip", "Referral slip", "ប័ណ្ណបញ្ជូន"),
        ("phone", "By phone", "តាមទូរស័ព្ទ"),
        ("alone", "Survivor went alone", "ជនរងគ្រោះទៅដោយខ្លួនឯង"),
    ],
)

# --- Meetings ----------------------------------------------------------------------------------

MEETING_TYPE = CodeList(
    "meeting_type",
    [
        ("ccwc", "CCWC meeting", "កិច្ចប្រជុំ គ.ក.ន.ក"),
        ("commune_council", "Commune council meeting", "កិច្ចប្រជុំក្រុមប្រឹក្សាឃុំ/សង្កាត់"),
        ("community_consultation", "Community consultation", "ការពិគ្រោះយោបល់ជាមួយសហគមន៍"),
        ("public_forum", "Public forum", "វេទិកាសាធារណៈ"),
        ("awareness", "Awareness session", "វគ្គផ្សព្វផ្សាយការយល់ដឹង"),
        ("case_conference", "Case conference", "កិច្ចប្រជុំពិភាក្សាករណី"),
    ],
)

ATTENDEE_GROUP = CodeList(
    "attendee_group",
    [
        ("ccwc", "CCWC members", "សមាជិក គ.ក.ន.ក"),
        ("police", "Police", "នគរបាល"),
        ("health_centre", "Health centre staff", "បុគ្គលិកមណ្ឌលសុខភាព"),
        ("village_chief", "Village chiefs", "មេភូមិ"),
        ("ngo", "NGO staff", "បុគ្គលិកអង្គការ"),
        ("womens_group", "Women's group", "ក្រុមស្ត្រី"),
        ("mens_group", "Men's group", "ក្រុមបុរស"),
        ("youth", "Youth", "យុវជន"),
        OTHER,
    ],
)

MEETING_TOPIC = CodeList(
    "meeting_topic",
    [
        ("dv_law", "Domestic violence law", "ច្បាប់ស្ដីពីអំពើហិង្សាក្នុងគ្រួសារ"),
        ("ipv", "Intimate partner violence", "អំពើហិង្សាដោយដៃគូ"),
        ("referral_pathway", "Referral pathway", "ផ្លូវបញ្ជូនសេវា"),
        ("safety", "Community safety", "សុវត្ថិភាពសហគមន៍"),
        ("alcohol", "Alcohol", "គ្រឿងស្រវឹង"),
        ("child_marriage", "Child marriage", "អាពាហ៍ពិពាហ៍កុមារ"),
        ("economic_violence", "Economic violence", "អំពើហិង្សាសេដ្ឋកិច្ច"),
        OTHER,
    ],
)

ACTION_STATUS = CodeList(
    "action_status",
    [
        ("open", "Open", "មិនទាន់រួចរាល់"),
        ("in_progress", "In progress", "កំពុងអនុវត្ត"),
        ("done", "Done", "រួចរាល់"),
        ("dropped", "Dropped", "បោះបង់"),
    ],
)

# --- Directory ---------------------------------------------------------------------------------

ORGANISATION_TYPE = CodeList(
    "organisation_type",
    [
        ("health_centre", "Health centre", "មណ្ឌលសុខភាព"),
        ("referral_hospital", "Referral hospital", "មន្ទីរពេទ្យបង្អែក"),
        ("police_post", "Police post", "ប៉ុស្តិ៍នគរបាល"),
        ("khan_police", "Khan police", "អធិការដ្ឋាននគរបាលខណ្ឌ"),
        ("court_prosecutor", "Court / prosecutor", "តុលាការ/ព្រះរាជអាជ្ញា"),
        ("mowa", "MoWA / department of women's affairs", "ក្រសួង/មន្ទីរកិច្ចការនារី"),
        ("dosvy", "Social affairs (DoSVY)", "មន្ទីរសង្គមកិច្ច"),
        ("legal_aid_ngo", "Legal aid NGO", "អង្គការជំនួយផ្លូវច្បាប់"),
        ("shelter", "Shelter", "ទីជម្រក"),
        ("counselling_ngo", "Counselling NGO", "អង្គការផ្ដល់ប្រឹក្សា"),
        ("ccwc_member", "CCWC member", "សមាជិក គ.ក.ន.ក"),
        ("village_chief", "Village chief", "មេភូមិ"),
        OTHER,
    ],
)

COVERAGE = CodeList(
    "coverage",
    [
        ("commune", "This commune", "ឃុំ/សង្កាត់នេះ"),
        ("khan", "Khan (district)", "ខណ្ឌ"),
        ("city", "City-wide", "ទូទាំងរាជធានី"),
        ("national", "National", "ថ្នាក់ជាតិ"),
    ],
)

# --- Offices, roles, months -------------------------------------------------------------------

OFFICE_LEVEL = CodeList(
    "office_level",
    [
        ("commune", "Commune / sangkat office", "សាលាឃុំ/សង្កាត់"),
        ("district", "District / khan office", "សាលាស្រុក/ខណ្ឌ"),
        ("ministry", "Ministry of Women's Affairs", "ក្រសួងកិច្ចការនារី"),
    ],
)

ROLE = CodeList(
    "role",
    [
        ("chief", "Commune chief", "មេឃុំ/ចៅសង្កាត់"),
        ("focal_point", "CCWC focal point", "បុគ្គលបង្គោល គ.ក.ន.ក"),
        ("clerk", "Commune clerk", "ស្មៀនឃុំ/សង្កាត់"),
        ("district_officer", "District officer", "មន្ត្រីស្រុក/ខណ្ឌ"),
        ("ministry_officer", "Ministry officer", "មន្ត្រីក្រសួង"),
    ],
)

MONTH_STATUS = CodeList(
    "month_status",
    [
        ("open", "Open", "បើក"),
        ("approved", "Approved", "បានអនុម័ត"),
    ],
)

MONTH_NAMES_KM = [
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
]

ALL_LISTS: dict[str, CodeList] = {
    cl.name: cl
    for cl in (
        GBV_TYPE,
        SEX,
        AGE_GROUP,
        MARITAL_STATUS,
        DISABILITY,
        REPORTED_BY,
        LOCATION_TYPE,
        TIME_OF_DAY,
        YES_NO_UNKNOWN,
        ELAPSED_REPORTING,
        RELATIONSHIP,
        COMMUNE_ACTION,
        RISK_LEVEL,
        INCIDENT_STATUS,
        CASE_CONTEXT,
        CONSENT,
        CHILD_CONSENT_ROUTE,
        CHILD_CONSENT_REASON,
        DECIDED_BY,
        CHILD_PROTECTION_REFERRAL,
        LEGAL_DUTY,
        NOT_REPORTED_REASON,
        ADMIN_MEASURE,
        PROTECTION_ORDER,
        SERVICE_TYPE,
        REFERRAL_STATUS,
        REFERRAL_OUTCOME,
        URGENCY,
        REFERRAL_MODE,
        MEETING_TYPE,
        ATTENDEE_GROUP,
        MEETING_TOPIC,
        ACTION_STATUS,
        ORGANISATION_TYPE,
        COVERAGE,
        OFFICE_LEVEL,
        ROLE,
        MONTH_STATUS,
    )
}

# --- Vocabulary of the statistics tables (row and column codes that are not record codes) --------

HEADLINE = CodeList(
    "headline",
    [
        ("new_incidents", "New incidents reported", "ករណីថ្មីដែលបានរាយការណ៍"),
        ("ipv_incidents", "of which intimate partner violence", "ក្នុងនោះ អំពើហិង្សាដោយដៃគូ"),
        ("referrals_made", "Referrals made", "ការបញ្ជូនដែលបានធ្វើ"),
        ("referrals_received", "Referrals confirmed received", "ការបញ្ជូនដែលបានបញ្ជាក់ថាបានទទួលសេវា"),
        ("administrative_decisions", "Administrative decisions issued", "សេចក្ដីសម្រេចរដ្ឋបាលដែលបានចេញ"),
        ("meetings_held", "Meetings held", "កិច្ចប្រជុំដែលបានធ្វើ"),
        ("open_follow_ups", "Open cases needing follow-up", "ករណីបើកដែលត្រូវតាមដាន"),
        (
            "non_gbv_incidents",
            "Non-GBV incidents (reported apart: in no other figure)",
            "ករណីមិនមែនអំពើហិង្សាផ្អែកលើយេនឌ័រ (រាយការណ៍ដាច់ដោយឡែក មិនរាប់ក្នុងតួលេខផ្សេង)",
        ),
    ],
)
PERIOD_COLUMN = CodeList(
    "period_column",
    [
        ("this_month", "This month", "ខែនេះ"),
        ("same_month_last_year", "Same month last year", "ខែដដែលឆ្នាំមុន"),
        ("year_to_date", "Year to date", "តាំងពីដើមឆ្នាំ"),
    ],
)
CHILD_ADULT = CodeList(
    "child_adult",
    [
        ("child", "Children (0–17)", "កុមារ (០–១៧)"),
        ("adult", "Adults (18+)", "មនុស្សពេញវ័យ (១៨+)"),
        ("unknown", "Age unknown", "មិនដឹងអាយុ"),
    ],
)
COUNT = CodeList("count", [("count", "Number", "ចំនួន")])
RAPE_HEALTH = CodeList(
    "rape_health",
    [
        ("within_72h", "Health referral within 72 hours", "បញ្ជូនទៅសេវាសុខភាពក្នុងរយៈពេល ៧២ ម៉ោង"),
        ("after_72h", "Health referral after 72 hours", "បញ្ជូនទៅសេវាសុខភាពក្រោយ ៧២ ម៉ោង"),
        ("timing_unknown", "Health referral, timing unknown", "បញ្ជូនទៅសេវាសុខភាព មិនដឹងពេលវេលា"),
        ("no_health_referral", "No health referral", "មិនបានបញ្ជូនទៅសេវាសុខភាព"),
    ],
)
DAYS_OPEN = CodeList(
    "days_open",
    [
        ("up_to_30", "30 days or less", "៣០ ថ្ងៃ ឬតិចជាង"),
        ("31_60", "31–60 days", "៣១–៦០ ថ្ងៃ"),
        ("61_90", "61–90 days", "៦១–៩០ ថ្ងៃ"),
        ("over_90", "More than 90 days", "លើសពី ៩០ ថ្ងៃ"),
    ],
)
ATTENDANCE_SEX = CodeList(
    "attendance_sex",
    [("female", "Women", "ស្ត្រី"), ("male", "Men", "បុរស")],
)
ACTION_ITEM_COLUMN = CodeList(
    "action_item_column",
    [
        ("count", "Number", "ចំនួន"),
        ("overdue", "of which past due date", "ក្នុងនោះ ហួសកាលកំណត់"),
    ],
)
DATA_QUALITY = CodeList(
    "data_quality",
    [
        (
            "without_reporting_consent",
            "Incidents without consent to reporting (left out of this report)",
            "ករណីគ្មានការយល់ព្រមឱ្យរាយការណ៍ (មិនរាប់បញ្ចូលក្នុងរបាយការណ៍នេះ)",
        ),
        (
            "referrals_without_reporting_consent",
            "Referrals for those incidents (left out)",
            "ការបញ្ជូនសម្រាប់ករណីទាំងនោះ (មិនរាប់បញ្ចូល)",
        ),
        ("missing_key_fields", "Incidents missing a key field", "ករណីខ្វះព័ត៌មានសំខាន់"),
        ("missing_date_of_incident", "– date of incident not known", "– មិនដឹងកាលបរិច្ឆេទកើតហេតុ"),
        ("missing_survivor_age", "– survivor's age not known", "– មិនដឹងអាយុជនរងគ្រោះ"),
        ("missing_perpetrator", "– no perpetrator recorded", "– មិនបានកត់ត្រាជនល្មើស"),
        (
            "edited_after_approval",
            "Records edited after the month was approved",
            "កំណត់ត្រាដែលបានកែប្រែក្រោយការអនុម័តខែ",
        ),
    ],
)
SUBTOTAL = CodeList(
    "subtotal",
    [
        (
            "ipv",
            "Main perpetrator is an intimate partner (all partner rows)",
            "ជនល្មើសចម្បងជាដៃគូ (សរុបជួរដៃគូ)",
        )
    ],
)
# The Incident Recorder's tables of the incident itself (GBVIMS), counted per incident.
PERPETRATOR_SEX = CodeList(
    "perpetrator_sex",
    [
        ("male", "Male only", "ប្រុសតែប៉ុណ្ណោះ"),
        ("female", "Female only", "ស្រីតែប៉ុណ្ណោះ"),
        ("male_and_female", "Both male and female", "ទាំងប្រុស និងស្រី"),
        ("unknown", "Unknown / none recorded", "មិនដឹង/មិនបានកត់ត្រា"),
    ],
)
PERPETRATOR_COUNT = CodeList(
    "perpetrator_count",
    [
        ("one", "One", "ម្នាក់"),
        ("two", "Two", "ពីរនាក់"),
        ("three", "Three", "បីនាក់"),
        ("more_than_three", "More than three", "ច្រើនជាងបីនាក់"),
        ("unknown", "Unknown / none recorded", "មិនដឹង/មិនបានកត់ត្រា"),
    ],
)
FIRST_CONTACT = CodeList(
    "first_contact",
    [
        ("first_contact", "Commune was the first contact", "ឃុំ/សង្កាត់ជាកន្លែងទំនាក់ទំនងដំបូង"),
        ("contacted_before", "Went elsewhere first", "បានទៅកន្លែងផ្សេងមុន"),
    ],
)
TREND_MEASURE = CodeList(
    "trend_measure",
    [("incidents", "New incidents", "ករណីថ្មី"), ("referrals", "Referrals made", "ការបញ្ជូន")],
)
REPORTING = CodeList(
    "reporting",
    [
        ("expected", "Reports expected", "របាយការណ៍ដែលរំពឹងទុក"),
        ("reported", "Reports received", "របាយការណ៍ដែលបានទទួល"),
        ("on_time", "of which on time", "ក្នុងនោះ ទាន់ពេល"),
        ("nil_report", "of which nil reports", "ក្នុងនោះ របាយការណ៍គ្មានករណី"),
        ("missing", "Reports missing", "របាយការណ៍ដែលខ្វះ"),
    ],
)
PERIOD_LIST = "period"
"""Pseudo code list of trend rows: the codes are periods ``YYYY-MM`` (see :func:`period_label`)."""

STAT_LISTS: dict[str, CodeList] = {
    cl.name: cl
    for cl in (
        HEADLINE,
        PERIOD_COLUMN,
        CHILD_ADULT,
        COUNT,
        RAPE_HEALTH,
        DAYS_OPEN,
        ATTENDANCE_SEX,
        ACTION_ITEM_COLUMN,
        DATA_QUALITY,
        SUBTOTAL,
        TREND_MEASURE,
        REPORTING,
        PERPETRATOR_SEX,
        PERPETRATOR_COUNT,
        FIRST_CONTACT,
    )
}

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def khmer_digits(text: str) -> str:
    return text.translate(KHMER_DIGITS)
