"""Every visible text of the monthly summary in English and Khmer (labels of codes come from the
code lists), with the district's and the ministry's wording where the commune's would be wrong."""

from __future__ import annotations


def _shared_copy(en_place: str, km_place: str) -> tuple[str, str]:
    """The note on a copy shared outside ``en_place`` (in Khmer ``km_place``)."""
    return (
        f"Copy for sharing outside {en_place}: numbers from 1 to {{k1}} are shown as <{{k}}; "
        "x hides a number so that totals cannot reveal a small one; · marks the tables left out "
        "because they would reveal numbers below {k}. No case codes, no charts.",
        f"ច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅ{km_place}៖ ចំនួនពី ១ ដល់ {{k1}} បង្ហាញជា <{{k}} ; "
        "x លាក់ចំនួនមួយ ដើម្បីកុំឱ្យចំនួនសរុបបង្ហាញចំនួនតូច ; · សម្គាល់តារាងដែលមិនបង្ហាញ "
        "ព្រោះវានឹងបង្ហាញចំនួនតិចជាង {k}។ គ្មានលេខកូដករណី គ្មានក្រាហ្វិក។",
    )


def _above(level: str, en_place: str, km_place: str) -> dict[str, tuple[str, str]]:
    """The wording of the district (or the ministry), ``key@level``, where the commune's would be wrong."""
    return {
        f"confidential@{level}": (
            f"CONFIDENTIAL – for {en_place}. No names. Do not copy or pass on.",
            f"សម្ងាត់ – សម្រាប់{km_place}។ គ្មានឈ្មោះ។ សូមកុំថតចម្លង ឬបញ្ជូនបន្ត។",
        ),
        f"shared_copy@{level}": _shared_copy(en_place, km_place),
        f"no_case_codes@{level}": (
            f"Case codes are not included in copies shared outside {en_place}.",
            f"លេខកូដករណីមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅ{km_place}ទេ។",
        ),
        f"no_charts@{level}": (
            f"Charts are left out of copies shared outside {en_place}.",
            f"ក្រាហ្វិកមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកក្រៅ{km_place}ទេ។",
        ),
    }


# Every visible text of the summary: key → (English, Khmer). Labels of codes come from code lists.
TEXT: dict[str, tuple[str, str]] = {
    "title": ("Monthly summary", "របាយការណ៍សង្ខេបប្រចាំខែ"),
    "subtitle": (
        "Commune response to violence against women and children",
        "ការឆ្លើយតបរបស់ឃុំ/សង្កាត់ចំពោះអំពើហិង្សាលើស្ត្រី និងកុមារ",
    ),
    "commune": ("Commune/Sangkat", "ឃុំ/សង្កាត់"),
    "khan": ("Khan/District", "ខណ្ឌ/ស្រុក"),
    "code": ("code", "លេខកូដ"),
    "period": ("Month", "ខែ"),
    "generated": ("Generated", "បង្កើតនៅ"),
    "page": ("Page {x} of {y}", "ទំព័រ {x} នៃ {y}"),
    "month_approved": ("Month status: approved", "ស្ថានភាពខែ៖ បានអនុម័ត"),
    "month_open": ("Month status: open (not yet approved)", "ស្ថានភាពខែ៖ បើក (មិនទាន់អនុម័ត)"),
    "confidential": (
        "CONFIDENTIAL – for the commune office. No names. Do not copy or pass on.",
        "សម្ងាត់ – សម្រាប់សាលាឃុំ/សង្កាត់។ គ្មានឈ្មោះ។ សូមកុំថតចម្លង ឬបញ្ជូនបន្ត។",
    ),
    "shared_copy": _shared_copy("the commune", "ឃុំ/សង្កាត់"),
    "shared_footer": (
        "Shared copy – small numbers hidden. No names.",
        "ច្បាប់ចម្លងសម្រាប់ចែករំលែក – ចំនួនតូចត្រូវបានលាក់។ គ្មានឈ្មោះ។",
    ),
    "nil_report": (
        "Nil report: no incidents were reported this month. This is a complete report, not a missing one.",
        "របាយការណ៍គ្មានករណី៖ ខែនេះមិនមានករណីត្រូវបានរាយការណ៍ទេ។ នេះជារបាយការណ៍ពេញលេញ មិនមែនខ្វះរបាយការណ៍ទេ។",
    ),
    "without_consent": (
        "{n} incident(s) without the survivor's consent to reporting are not counted in this report.",
        "ករណីចំនួន {n} ដែលជនរងគ្រោះមិនយល់ព្រមឱ្យរាយការណ៍ មិនត្រូវបានរាប់បញ្ចូលក្នុងរបាយការណ៍នេះទេ។",
    ),
    "s_summary": ("1. The month at a glance", "១. សេចក្ដីសង្ខេបប្រចាំខែ"),
    "indicator": ("Indicator", "សូចនាករ"),
    "s_types": (
        "2. Incidents by type of violence and age of survivor",
        "២. ករណីតាមប្រភេទអំពើហិង្សា និងអាយុជនរងគ្រោះ",
    ),
    "type": ("Type of violence", "ប្រភេទអំពើហិង្សា"),
    "age_bands": ("By age group", "តាមក្រុមអាយុ"),
    "child_route": ("Children (under 18): how consent was given", "កុមារ (ក្រោម ១៨ ឆ្នាំ)៖ របៀបផ្ដល់ការយល់ព្រម"),
    "route": ("Consent given by", "ការយល់ព្រមផ្ដល់ដោយ"),
    "chart_types": ("Incidents by type", "ករណីតាមប្រភេទ"),
    "s_incident": (
        "3. The incidents: place, time, context and how they reached the commune",
        "៣. ឧប្បត្តិហេតុ៖ ទីកន្លែង ពេលវេលា បរិបទ និងរបៀបដែលករណីមកដល់ឃុំ/សង្កាត់",
    ),
    "place": ("Place of the incident", "ទីកន្លែងកើតហេតុ"),
    "time_of_day": ("Time of day", "ពេលវេលាក្នុងថ្ងៃ"),
    "previously_reported": ("Reported elsewhere before", "បានរាយការណ៍នៅកន្លែងផ្សេងពីមុន"),
    "case_context": ("Case context", "បរិបទករណី"),
    "context_note": (
        "An incident can have several contexts, or none (no total); "
        "the IPV row is the IPV figure of section 1.",
        "ករណីមួយអាចមានបរិបទច្រើន ឬគ្មាន (គ្មានសរុប)។ ជួរអំពើហិង្សាដោយដៃគូ គឺតួលេខក្នុងផ្នែកទី ១។",
    ),
    "reporter": ("Reported by (referred from)", "រាយការណ៍ដោយ (បញ្ជូនមកពី)"),
    "chart_place": ("Incidents by place", "ករណីតាមទីកន្លែង"),
    "s_perpetrators": ("4. Alleged perpetrators", "៤. ជនល្មើស"),
    "primary": ("Primary perpetrator (the first recorded)", "ជនល្មើសចម្បង (អ្នកទីមួយដែលបានកត់ត្រា)"),
    "all_perpetrators": (
        "All recorded perpetrators of each incident",
        "ជនល្មើសទាំងអស់ដែលបានកត់ត្រានៃករណីនីមួយៗ",
    ),
    "perpetrator_sex": ("Sex of the perpetrators", "ភេទជនល្មើស"),
    "perpetrator_count": ("Number of perpetrators", "ចំនួនជនល្មើស"),
    "relationship": ("Relationship to the survivor", "ទំនាក់ទំនងជាមួយជនរងគ្រោះ"),
    "ipv_note": (
        "Shaded rows are intimate partners (intimate partner violence, IPV).",
        "ជួរដែលមានពណ៌ គឺដៃគូ (អំពើហិង្សាដោយដៃគូ)។",
    ),
    "age_group": ("Age group", "ក្រុមអាយុ"),
    "s_survivors": ("5. Survivors", "៥. ជនរងគ្រោះ"),
    "sex": ("Sex", "ភេទ"),
    "age": ("Age", "អាយុ"),
    "marital": ("Marital status", "ស្ថានភាពអាពាហ៍ពិពាហ៍"),
    "disability": ("Disability", "ពិការភាព"),
    "s_time": ("6. Time to report; rape and health care", "៦. រយៈពេលរាយការណ៍ ករណីរំលោភសេពសន្ថវៈ និងសេវាសុខភាព"),
    "time_to_report": ("Time from incident to report", "រយៈពេលពីពេលកើតហេតុដល់ពេលរាយការណ៍"),
    "rape_time": (
        "Rape cases: time from incident to report",
        "ករណីរំលោភសេពសន្ថវៈ៖ រយៈពេលពីពេលកើតហេតុដល់ពេលរាយការណ៍",
    ),
    "rape_health": (
        "Rape cases: health referral within 72 hours",
        "ករណីរំលោភសេពសន្ថវៈ៖ ការបញ្ជូនទៅសេវាសុខភាពក្នុង ៧២ ម៉ោង",
    ),
    "s_referrals": ("7. Referrals by service and status", "៧. ការបញ្ជូនតាមសេវា និងស្ថានភាព"),
    "service": ("Service", "សេវា"),
    "unmet_note": (
        "Shaded columns are unmet needs: service unavailable, or referral declined by the survivor.",
        "ជួរឈរដែលមានពណ៌ គឺតម្រូវការមិនទាន់បានឆ្លើយតប៖ គ្មានសេវា ឬជនរងគ្រោះបដិសេធការបញ្ជូន។",
    ),
    "outcomes": ("Referral outcomes", "លទ្ធផលនៃការបញ្ជូន"),
    "chart_referrals": ("Referrals by service and status", "ការបញ្ជូនតាមសេវា និងស្ថានភាព"),
    "s_actions": ("8. Commune actions", "៨. សកម្មភាពរបស់ឃុំ/សង្កាត់"),
    "action": ("Action", "សកម្មភាព"),
    "actions_note": ("An incident can have several actions.", "ករណីមួយអាចមានសកម្មភាពច្រើន។"),
    "s_follow_up": ("9. Follow-up and open cases", "៩. ការតាមដាន និងករណីដែលនៅបើក"),
    "follow_ups": (
        "Follow-ups due by the end of the month (incident codes only)",
        "ការតាមដានដល់កំណត់ត្រឹមចុងខែ (តែលេខកូដករណី)",
    ),
    "no_follow_ups": ("No follow-ups due.", "គ្មានការតាមដានដល់កំណត់។"),
    "no_case_codes": (
        "Case codes are not included in copies shared outside the commune.",
        "លេខកូដករណីមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកទេ។",
    ),
    "incident_code": ("Incident code", "លេខកូដករណី"),
    "status": ("Status", "ស្ថានភាព"),
    "follow_up_date": ("Follow-up date", "ថ្ងៃតាមដាន"),
    "days_open": ("Days open", "ចំនួនថ្ងៃបើក"),
    "overdue": ("Due before this month", "ហួសកំណត់ពីខែមុន"),
    "yes": ("yes", "បាទ/ចាស"),
    "no": ("–", "–"),
    "open_cases": ("Open cases by days open", "ករណីបើកតាមចំនួនថ្ងៃ"),
    "stock_note": (
        "Open cases, follow-ups and action points are as at the last day of the month.",
        "ករណីបើក ការតាមដាន និងចំណុចសកម្មភាព គិតត្រឹមថ្ងៃចុងក្រោយនៃខែ។",
    ),
    "s_meetings": ("10. Meetings", "១០. កិច្ចប្រជុំ"),
    "meeting_type": ("Type of meeting", "ប្រភេទកិច្ចប្រជុំ"),
    "attendance": ("Participants", "អ្នកចូលរួម"),
    "action_points": ("Action points (all meetings so far)", "ចំណុចសកម្មភាព (កិច្ចប្រជុំទាំងអស់)"),
    "s_quality": ("11. Data quality", "១១. គុណភាពទិន្នន័យ"),
    "s_trend": ("12. Twelve-month trend", "១២. និន្នាការ ១២ ខែ"),
    "chart_trend": ("New incidents and referrals, last 12 months", "ករណីថ្មី និងការបញ្ជូន ១២ ខែចុងក្រោយ"),
    "no_charts": (
        "Charts are left out of copies shared outside the commune.",
        "ក្រាហ្វិកមិនត្រូវបានដាក់បញ្ចូលក្នុងច្បាប់ចម្លងសម្រាប់ចែករំលែកទេ។",
    ),
    "nothing_to_chart": ("Nothing to show this month.", "ខែនេះគ្មានអ្វីបង្ហាញទេ។"),
    "s_signatures": ("Review and approval", "ការពិនិត្យ និងការអនុម័ត"),
    "prepared_by": ("Prepared by (CCWC focal point / clerk)", "រៀបចំដោយ (បង្គោលគ.ក.ន.ក / ស្មៀន)"),
    "approved_by": ("Reviewed and approved by the commune chief", "ពិនិត្យ និងអនុម័តដោយមេឃុំ/ចៅសង្កាត់"),
    "name": ("Name", "ឈ្មោះ"),
    "signature": ("Signature", "ហត្ថលេខា"),
    "date": ("Date", "កាលបរិច្ឆេទ"),
    "seal": ("Seal", "ត្រា"),
    "total": ("Total", "សរុប"),
    "number": ("Number", "ចំនួន"),
    # The same summary one level up: the district's (khan's) and the ministry's sums of what arrived.
    "title_district": ("District monthly summary", "របាយការណ៍សង្ខេបប្រចាំខែរបស់ខណ្ឌ/ស្រុក"),
    "title_ministry": ("National monthly summary", "របាយការណ៍សង្ខេបប្រចាំខែថ្នាក់ជាតិ"),
    "subtitle_above": (
        "Sum of the reports received from the offices below",
        "ផលបូកនៃរបាយការណ៍ដែលបានទទួលពីការិយាល័យថ្នាក់ក្រោម",
    ),
    "office": ("Office", "ការិយាល័យ"),
    "s_reporting": ("Reports received", "របាយការណ៍ដែលបានទទួល"),
    "prepared_by_above": ("Prepared by", "រៀបចំដោយ"),
    "approved_by_above": ("Reviewed and approved by", "ពិនិត្យ និងអនុម័តដោយ"),
}
# The same summary one level up, in the words of the office that makes it.
TEXT |= _above("district", "the district office", "សាលាខណ្ឌ/ស្រុក")
TEXT |= _above("ministry", "the ministry", "ក្រសួង")
