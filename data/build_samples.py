"""Build the sample documents and two test fixtures from the real seed texts, deterministically.

Run: .venv/bin/python data/build_samples.py
Writes data/samples/*.docx|pdf, data/samples/action-points-deck.pptx|pdf and
data/samples/child-protection-two-row-header.xlsx. The texts are the seeds' own wording;
merged cells are rebuilt as the originals had them (see tests/golden/*.json for the expected reading).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from pptx import Presentation
from pptx.presentation import Presentation as PptxPresentation
from pptx.util import Inches
from pptx.util import Pt as PptPt

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
# Fixed dates so that re-running the script writes the same bytes.
FIXED_DATE = datetime(2024, 1, 15, 9, 0, 0)
ZIP_DATE = (2024, 1, 15, 9, 0, 0)
AUTHOR = "workplans samples"
# Cell sentinels: UP continues the merged cell above (vMerge), LEFT the one to the left (gridSpan).
UP = "\x00up"
LEFT = "\x00left"
HEADER_FILL = "D9D9D9"
# A PDF's file ID pair and checksum (32 hex digits each) are replaced by zeros of the same length.
PDF_ID_RE = rb"(/ID \[ )<[0-9A-F]{32}>(\s*)<[0-9A-F]{32}>"
PDF_ZEROS = b"0" * 32
CORE_DATE_RE = rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*"
BODY_PT = 8

# ---------------------------------------------------------------------------------------------
# Seed 000: Lebanon Joint Inter-Sector annual workplan, LCRP 2023.
# ---------------------------------------------------------------------------------------------
LCRP_INTRO = (
    "The Joint Inter-Sector annual workplan serves as a collective tool to outline joint Inter-Sector "
    "priorities and sectors' respective contributions to these priorities across the Lebanon Crisis "
    "Response Plan (LCRP). It aims to support the LCRP Inter-Sector to: prioritize by focusing on results "
    "and simplifying processes; increase involvement of field level Inter-Sector teams; increase engagement "
    "of partners (including INGO, NGO and government line ministries); and build on best practices (such "
    "as the VASyR)."
)
LCRP_HEADER = [
    "Identified Priorities",
    "Objective",
    "Deliverables",
    "Process Lead/Focal Point",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
]
LCRP_WIDTHS_CM = [3.2, 4.2, 9.0, 4.2, 1.0, 1.0, 1.0, 1.0]
CS_LIST = (
    "1. Tensions Monitoring and Analysis – (carry out regular analysis including presentations to "
    "IA/IS/Sector WGs on quarterly basis; update dashboard and publish open source reports). 2. CS Guidance "
    "Notes & Toolkits (Publish three new checklists (Cash; engagement with local authorities; "
    "institutionalizing conflict sensitivity; support uptake of existing guidance notes (getting started "
    "with CS in Lebanon; CS procurement and HR in Lebanon; CS in the project cycle; Develop guidance note "
    "toolkit for each sector; Develop ad-hoc guidance as per request). 3. CS Training and ToT (application "
    "workshop; ToT to build resource base of partners; Regular round of training of partners – potential "
    "online training package). 4. CS Mainstreaming Considerations for sectors' implementation and planning "
    "- Survey to all sector partners to identify priorities. Technical support and advisory provided to "
    "partners."
)
GENDER_LIST = (
    "1. Update and initiate the Gender/ GBV Focal Points list; and select 1-2 sector action points on gender "
    "and GBV mainstreaming. 2. Participate and support sub-national ISWGs in the integration of gender and "
    "GBV mainstreaming activities. 3. Develop a gender and GBV sector check list with some brief guidance on "
    "GBV mainstreaming actions in the specific sector. 4. Share Community of Practice of Protection sector "
    "including on gender and GBV mainstreaming including best practices; liaise and support sector focal "
    "points in presenting good practices on GBV mainstreaming by sectors. 5. Provide safe disclosure and "
    "safe referral training for non-GBV sector members. 6. Work with prioritized sectors (including Shelter, "
    "WASH, Education and Health/ MHPSS, Legal/ PRT) to include specific risks in the country-wide "
    "assessments such as safety audit (updating of tools and collaboration on risks) as well as ensure and "
    "guide on the integration of GBV risks into inter-sector and specific sector surveys/ assessment. "
    "7. Provide support to partners of other sectors and sub-national structures. 8. Continue Gender in "
    "Humanitarian Action Trainings for sectors. 9. Expand gender analysis in sectors and update two pagers "
    "analysis. 10. Update the repository of gender assessments and data in Info Hub. 11. Mapping of women's "
    "organizations and guidance for sectors on how to engage with them."
)
PROTECTION_LIST = (
    "1. Referral: provide quarterly orientation sessions for partners, enhance referral analysis through "
    "joint RAIS/RIMS/IA analysis plan, update eligibility criteria per sector on IA PPT, generate "
    "field-level service notes for beneficiaries through the central service mapping. 2. Support to "
    "partners: protection mainstreaming community of practice - maintain & expand to regions and local NGO. "
    "3. Support to national sectors: 1. PRA: Tailored technical support to shelter, health, WASH, BA on "
    "protection mainstreaming priorities (see sector PRAs) & hold learning session on PRA for interested "
    "sectors; 2. mainstream awareness messages on birth registration to education and health frontliners. "
    "4. Support to regions: tailored support region initiatives on disability and older person inclusion, "
    "support IA on in-focus for persons with disability and older persons. 5. AAP: develop brief in-focus "
    "across frameworks, support IA discussions on pushing forward key AAP priorities."
)
ENVIRONMENT_LIST = (
    "1. Develop guidelines for Cash For Work opportunities promoting circular economy approaches and pilot "
    "them at local level. 2. Develop training plan and roll-out training in priority thematic areas for "
    "sectors leads/partners. 3. Develop and share guidance document on environment mainstreaming across "
    "sectors. 4. Train municipalities and environment police on environmental management practices. "
    "5. Continue support to partners on observing environmental safeguards and processing of files at MoE. "
    "6. Conduct targeted impact assessments in line with MoE needs."
)
# (priority, objective, deliverable, lead, quarters as "x" marks) per row; None continues the cell above.
LCRP_ROWS: list[tuple[str | None, str | None, str, str, str]] = [
    (
        "Monitoring & Evaluation and Reporting",
        "Improve higher-level M&E and increase accountability",
        "Develop guidance on strengthening analysis of the result of sectoral/Inter-Sectoral interventions, "
        "including through harmonized partner assessments and post-distribution monitoring.",
        "M&E Specialist\nISWG",
        "xx..",
    ),
    (
        None,
        None,
        "Provide training to help strengthen capacity of Inter-Sector, sectors and partners on results analysis "
        "and communication, including to contribute to future response planning.",
        "External Expertise (to be identified)\nISWG",
        ".xxx",
    ),
    (
        None,
        None,
        'Identify tools and support partners to measure the "indirect" impact of programming. Example: '
        "Financial support provided to increase access to hospital care indirectly support their operational "
        "cost.",
        "M&E Specialist\nSector Coordinators\nISWG",
        ".xxx",
    ),
    (
        None,
        None,
        "Establish sector M&E taskforces/ discussions in working groups, with Inter-Sector support.",
        "M&E Specialist\nSector Coordinators\nIM Focal Points",
        "x...",
    ),
    (
        None,
        None,
        "Conduct mid-term review of indicators, targets and PiN at sector levels to draw inputs for 2024 planning.",
        "Sector Coordinators",
        ".xx.",
    ),
    (
        None,
        "Continue to improve reporting by partners, improve communication of the results, and improve "
        "monitoring by sector working groups",
        "Further streamline LCRP and ERP reporting where possible to minimize duplication of "
        "systems/obligations for sectors and partners - including activity reporting (Activity Info) and "
        "dashboards.",
        "IA Coordinators with OCHA\nSector leads\nIM Focal Points",
        "xx..",
    ),
    (
        None,
        None,
        "Strengthen funding gap analysis at sector level and cross-frameworks to inform donor advocacy "
        "including by the RC/HC.",
        "IA Coordinators with OCHA & RCO\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        None,
        "Capacity building of Inter-Agency partners : Conduct partner refresher sessions in English and Arabic "
        "on quarterly basis at sector working group level on value of/how to use the reporting tools and "
        "products including Activity Info trainings at the sector level, and referrals trainings.",
        "Sector Coordinators\nIM Focal Points",
        "xxxx",
    ),
    (
        None,
        None,
        "Draw on information from existing dashboards/logframes, develop additional simplified formats to "
        "communicate results to public audiences and translate to Arabic when relevant.",
        "ISWG Communications Specialists (from UN/NGOs)",
        "xx..",
    ),
    (
        None,
        None,
        "Improve reporting accountability and visibility: support timely dissemination of dashboards via "
        "engagement with sector coordinators and line ministries to ensure products are shared externally on "
        "consistent basis, including at steering committee level.",
        "IA Coordinators\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        None,
        "Develop quarterly referral reports and support sectors to integrate into the sector dashboards. "
        "Facilitate IS/IA discussions on referrals.",
        "Protection Mainstreaming Focal Points\nIM Focal Points",
        "xxxx",
    ),
    (
        "2 Inter-Sector Analysis & Communications",
        "Strengthen joint analysis to guide planning and implementation processes across the response",
        "Promote LASER, the joint repository of assessments and reports, and use it at the sector "
        "level. Seek to "
        "ensure it feeds into joint analyses and captures ongoing and planned assessments and surveys. "
        "Re-introduce the tool in the ISWG / IAWG and prepare for sector-specific trainings and encourage "
        "partners to implement assessments based on needs).",
        "Sector Coordinators\nIM Focal Points",
        "xx..",
    ),
    (
        None,
        None,
        "Identify topics for inter-sectoral analysis and technical guidance, to be developed through "
        "collaborative approaches, fostering cross-learning and include discussions on cross-sectoral "
        "prioritization on key thematic issues (i.e. child labor, MHPSS). Q1: learning event on collective "
        "evictions with cross-sectoral guidance note.",
        "ISWG",
        "xxxx",
    ),
    (
        None,
        None,
        "Publish external situation analysis products including: situation snapshots drawing on sector "
        "reporting; funding updates that point to funding gaps and sector operational challenges; "
        "cross-framework analysis to underpin future response planning.",
        "ISWG",
        "xxxx",
    ),
    (
        None,
        "Build understanding regarding the ongoing needs that the LCRP is responding to, while ensuring "
        "clarity on the nature the response",
        "Official launch event and communications package for LCRP 2023 jointly with ERP: with PM, RC/HC, "
        "Government of Lebanon and Heads of UN Agencies and national and INGO leads.",
        "MoSA with PMO\nIA Coordinators with OCHA & RCO",
        "x...",
    ),
    (
        None,
        None,
        "Work with UN Comms Group and NGO comms specialists to strengthen communication of needs and response. "
        "Workshop including training and identification of modalities/products. Sectors to further discuss in "
        "group sessions.",
        "ISWG",
        "xx..",
    ),
    (
        None,
        None,
        "Develop of IM-based products for sub-national sector/inter-sector focal points to better communicate "
        "response to local government actors.",
        "IA Coordinators\nSub-National IA Focal Points\nIM focal Points",
        ".xx.",
    ),
    (
        "4 Emergency Response Management",
        "Build on progress on Emergency Preparedness and contingency",
        "Coordinate closely with DRM, where feasible, to support early warning for better preparedness; Work "
        "with Governorate Operations Room in cases of activation.",
        "IA Coordinators\nISWG",
        "xxxx",
    ),
    (
        None,
        None,
        "Support local NGOs to better respond to emergencies (clarify and consolidate the different emergency "
        "plans for local NGOs to be able to identify to whom and where they should be reporting the activities "
        "related to emergencies).",
        "Sector Coordinators",
        "xxxx",
    ),
    (
        None,
        None,
        "Update the Business Continuity Plan during Q1 of 2023, gathering feedback on implementation of "
        "mitigation measures including at sub-national level.",
        "IA Coordinators\nSub-National IA Focal Points\nSector Coordinators",
        "x...",
    ),
    (
        None,
        "Preparedness and contingency planning to improve the response during emergencies and extreme weather",
        "Review of lessons learned from 2022/2023 winter season and development of winterization strategy for "
        "2022/2023 winter season, to be presented to LCRP Steering Committee.",
        "IA Coordination Officer\nEmergency Focal Points\nIMs Focal Points",
        ".xx.",
    ),
    (
        None,
        None,
        "Produce communication materials applicable to CwCs (storm notifications) and external reporting (i.e. "
        "HCT, ISWG, donors) for related emergency responses.",
        "IA Coordination Officer\nEmergency Focal Points\nIMs Focal Points",
        "x..x",
    ),
    (
        None,
        None,
        "Continue to ensure partners supported to use and update existing tools such as the Geosplit, "
        "Emergency SOPs, RNA, RRT, and contingency stocks. Initiate regular refresher training to enumerators "
        "on emergency tools.",
        "IA Coordination Officer\nEmergency Focal Points\nIMs Focal Points",
        "xxxx",
    ),
    (
        "3 Coordination Modalities",
        "Maintain cross-framework coordination on key thematic issues to strengthen a coherent overall nexus "
        "response in Lebanon",
        "Ensure Inter-Sector and sectoral inputs into and feedback from thematic coordination spaces including "
        "the Cash Working Group, HCT Access Working Group, 'whole of system' emergency response (e.g. "
        "cholera).",
        "IA Coordinators with OCHA & RCO",
        "xxxx",
    ),
    (
        None,
        None,
        "Build on 2022 progress to establish joined-up sectors and harmonized needs-assessments to further "
        "strengthen cross-framework cross-population approaches. Ensure national and sub-national Inter-Sector "
        "engagement in cross-framework response planning for 2024.",
        "IA Coordinators with OCHA & RCO\nSector Coordinators",
        ".xxx",
    ),
    (
        None,
        "Inter-Sector: Strengthen National & Regional engagement and coordination at the Inter-Sector and "
        "sector levels",
        "Strengthen representation and active participation of NGOs in sub-national Inter-Sector meetings, "
        "planning and activities, exploring whether representation through LHDF can be supported.",
        "MoSA General Supervisor\nIA Coordinators\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        None,
        "Ensure physical presence of the IS coordinators in regional IS WG meetings and encourage sector "
        "coordinators to participate in IS WG meetings where relevant and in regional sector WG meetings.",
        "IA Coordinators\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        "NGOs: Strengthen engagement with local NGOs and mitigate challenges for their "
        "entry/access to LCRP "
        "coordination framework at both the national and field levels",
        "Conduct cross framework discussions with NGO sector co-coordinating agencies/co-coordinators on a "
        "quarterly basis; provide guidance on how sub-national co coordinators can link to the national "
        "sectors.",
        "IA Coordinators\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        None,
        "Review NGO participation in core groups. Support sectors in elections and seek to ensure balanced "
        "representation between local and national NGO sector co-coordinators in sector core groups and "
        "co-leads. Encourage local NGOs to position themselves as co-coordinators, with fundraising support.",
        "ISWG",
        "xxxx",
    ),
    (
        None,
        "Donors: Strengthened engagement with wider donor community supporting the LCRP in order to "
        "streamline communication, build understanding of sector and inter-sector priorities, strengthen joint "
        "advocacy and ensure appropriate.",
        "Target quarterly LCRP briefing sessions (AR/Eng.) to national NGOs and strengthen Arabic translation "
        "across meetings (including national IA meetings and planning consultation).",
        "ISWG\nLHDF",
        "xxxx",
    ),
    (
        None,
        None,
        "Conduct quarterly LCRP donor meetings with the support of LHIF & LHDF: highlight thematic and sectoral "
        "priorities, funding updates, progress reporting.",
        "ISWG\nLHDF",
        "xxxx",
    ),
    (
        None,
        None,
        "Inter-sector support to sectors and sub-national inter-sector to pro-actively engage with donor "
        "community, including: training session on donor engagement to be delivered by external relations "
        "colleagues; guidance for engagement in planning process, contacts sharing and analysis of shifts in "
        "donor trends.",
        "IA Coordinators\nExternal Relations colleagues from UN/NGOs)\nISWG\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        "Government: Strengthen line ministry engagement and support for LCRP planning and activities at "
        "both national and field levels",
        "Improve field-level participation of government counterparts: in national meetings and sector working "
        "groups to ensure situation analyses reflects government insight, especially more active engagement of "
        "government counterparts at the sector level.",
        "MoSA General Supervisor\nMoIM National Coordinator\nMoi and MoSA field coordinators",
        "xxxx",
    ),
    (
        None,
        None,
        "Improve communication/collaboration between different ministries at field and national levels.",
        "MoSA General Supervisor",
        "xxxx",
    ),
    (
        "5 Mainstreaming",
        "General",
        "Provide presentations on mainstreaming progress during inter-sector meetings - Mainstreaming to be a "
        "standing item in inter-sector meetings agenda.",
        "Mainstreaming Focal Points\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        None,
        "Review Sector AWP to ensure inclusion of concrete mainstreaming actions.",
        "Mainstreaming Focal Points\nSector Coordinators",
        "x...",
    ),
    (
        None,
        None,
        "Develop a mainstreaming page in LCRP Info Hub by mainstreaming area – this will include key "
        "assessments, guidance etc. For gender/GBV it will be organized by sectors to facilitate sector's easy "
        "access.",
        "Mainstreaming Focal Points\nSector Coordinators",
        ".x..",
    ),
    (None, "Environment", ENVIRONMENT_LIST, "Environment Task Force\nSector Coordinators", "xxxx"),
    (
        None,
        "Conflict Sensitivity",
        "Conflict sensitivity\n" + CS_LIST,
        "Conflict Sensitivity Focal Point\nSoST Sector Coordinator\nSector Coordinators",
        "xxxx",
    ),
    (
        None,
        "Gender & GBV",
        "Gender and GBV\n" + GENDER_LIST,
        "Gender mainstreaming focal point and GBV mainstreaming focal point",
        "xxxx",
    ),
    (
        None,
        "Protection",
        "Protection (including age, disability and AAP)\n" + PROTECTION_LIST,
        "Protection Sector Coordinator\nReferral - Protection WG Assistant\nSector Coordinators",
        "xxxx",
    ),
]

# ---------------------------------------------------------------------------------------------
# Seed 001: 2020 LCRP Child Protection sector workplan.
# ---------------------------------------------------------------------------------------------
CP_TITLE = "2020 LCRP- Child Protection Sector Workplan"
CP_HEADER = [
    [
        "Sector Output",
        "Sector Indicators",
        "LCRP activities",
        "Key Proposed activities",
        "2020 Timeline",
        LEFT,
        LEFT,
        LEFT,
        "Responsible",
        "Partners",
        "Comments",
    ],
    [UP, UP, UP, UP, "Q1", "Q2", "Q3", "Q4", UP, UP, UP],
]
CP_WIDTHS_CM = [3.4, 3.2, 4.2, 4.6, 0.8, 0.8, 0.8, 0.8, 2.6, 2.6, 2.0]
CP_OUT_41 = (
    "Output 4.1: Policies, national plans and guidelines to support national child protection systems "
    "planning, operations, budgeting and advocacy developed and implemented"
)
CP_OUT_42 = (
    "Output 4.2: Holistic and integrated CP services offered to boys and girls at risk and survivors of "
    "violence, abuse and exploitation"
)
CP_OUT_43 = (
    "Output 4.3: Vulnerable children, families and communities capacitated to promote practices that protect them"
)
CP_LCRP_41 = (
    "1.Support the development of policies, procedures, training manuals, guidance to support the "
    "implementation of CP prevention and response programmes and strengthen application of existing laws "
    "and strategies"
)
CP_LCRP_42 = (
    "1. Support training to government and partners on standardized tools for working with at-risk children "
    "and survivors/ 2. Ensure access to a holistic and multi-sectoral CP response service package for "
    "children at risk and survivors of violence, abuse and exploitation; including ensuring linkages between "
    "justice system and social welfare sectors for children formerly in conflict with the law or detained. / "
    "3. Case management best interest determination(BID)"
)
CP_LCRP_43 = (
    "1. Enhance knowledge and skills of rights holders (girls, boys and women) to address key CP/GBV issues "
    "(i.e. worst forms of child labour including CAAC/V and violent discipline in homes, schools and "
    "community, child marriage and domestic violence), including/ 2. Build and strengthen capacity of duty "
    'bearers; care givers, influential, "gatekeepers" and informal leaders (religious leaders, community '
    "leaders, including female leaders) and community-based groups, peer to peer groups so that they "
    "actively promote child protection activities."
)
# (output, indicator, LCRP activities, key proposed activity, responsible, partners); None continues above.
CP_ROWS: list[tuple[str | None, str | None, str | None, str, str, str]] = [
    (
        CP_OUT_41,
        "Number of policies, strategies, procedures and mechanisms for Child Protection "
        "(CP) developed "
        "and endorsed by relevant actors.",
        CP_LCRP_41,
        "Development and implementation of a systematic child protection monitoring mechanism to capture trends "
        "and child protection incidents (with adjustments to target Lebanese)",
        "UNICEF with Core Group",
        "MOSA, Protection, SGBV",
    ),
    (
        None,
        None,
        None,
        "Organize thematic discussions and issue thematic dashboard to capture key child protection trends and "
        "violations (violence, exploitation, abuse and neglect) with focus on violence and child labour",
        "UNICEF with Case Management Task Force and Protection Sub-sectoral committee",
        "MOSA, Protection, SGBV, Education, Basic Assistance etc",
    ),
    (
        None,
        None,
        None,
        "Review and finalize the child protection sector contingency plan",
        "UNICEF with Core Group",
        "Protection and SGBV",
    ),
    (
        None,
        None,
        None,
        "Ensure cross sectoral knowledge of children and families affected by landmines as part of victim "
        "assistance pillars",
        "UNICEF with Core Group",
        "All sectors and UN agencies involved directly",
    ),
    (
        None,
        None,
        None,
        "Advance on Protection sub-sectoral Committee Action Plan for addressing Child Labour, Child "
        "Marriage and "
        "Disability in an integrated approach",
        "PSSC Committee; PRT, CP and SGBV",
        "Plan International, Himaya, TDH Lausanne",
    ),
    (
        CP_OUT_42,
        "Number of girls and boys receiving case management and specialized services",
        CP_LCRP_42,
        "Advocate with key stakeholders (including government and donors) regarding adequate resourcing of "
        "national social services (social workforce) and ensure donor compliance with child protection minimum "
        "standards",
        "Case Management Task Force",
        "Basic Assistance and Protection",
    ),
    (
        None,
        None,
        None,
        "Review and consolidate guidance on use of CASH in case management",
        "Case Management Task Force",
        "MOSA, Basic Assistance and Protection",
    ),
    (
        None,
        None,
        None,
        "Consolidate and disseminate an emergency preparedness package for frontline CP Case Management "
        "responders in line with National Standards Procedures for the Protection of Juveniles in Lebanon",
        "Case Management Task Force",
        "MOSA",
    ),
    (
        None,
        "Number of girls and boys receiving specialized/focused psychosocial support (PSS)",
        None,
        "Compilation of Focused PSS tools including finalization of specific outreach guidance for children at "
        "risk with a focus also on Lebanese",
        "DRC Member: Amel - ASMAE",
        "MHPSS",
    ),
    (
        CP_OUT_43,
        "Percentage of communities who report improved attitudes, behaviour and practices concerning "
        "violence, exploitation and abuse of children",
        CP_LCRP_43,
        "Development of Guidelines for Social and Behavioral Change activities to be utilized by sector partners",
        "UNICEF with Core Group and volunteer agencies",
        "Protection and SGBV",
    ),
    (
        None,
        None,
        None,
        "Explore youth engagement and linkages with community based programming with a focus on initiatives",
        "UNICEF and PSS Committee",
        "Livelihood Sector",
    ),
    (
        None,
        "Number of girls, boys engaged in community based Child Protection activities",
        None,
        "Compilation of community based PSS tools including finalization of specific outreach guidance for "
        "Lebanese children",
        "DRC Member: Amel - ASMAE",
        "MHPSS",
    ),
    (
        None,
        None,
        None,
        "WRC Inclusion Training is rolled out to PSS actors",
        "DRC- TDH- Amel - WVI - ASMAE - JAFRA",
        "Protection and Education as needed/ applicable",
    ),
    (
        None,
        "Number of caregivers engaged in activities to promote well-being and protection of children",
        None,
        "Roll-out of Social and Behavioral caregiver toolbox",
        "UNICEF",
        "Education and SGBV",
    ),
]
CP_GENERAL_ROWS: list[tuple[str | None, str | None, str | None, str, str, str]] = [
    (
        "General",
        "Advocacy and Coordination",
        "",
        "Case Management Task Force (CMTF) and PSS Committee representation within the national CPEWG to ensure "
        "information is shared and wider group of agencies informed of strategic direction activities "
        "are going/ "
        "of new tools and guidance documents etc",
        "PSS Coommittee and Case Management Task Force Co-leads",
        "N/A",
    ),
    (
        None,
        None,
        None,
        "CMTF and PSS Committee to engage field coordinators of the CPWG to promote field updates of CMTF/ PSS "
        "Committee on monthly basis and promote learning and updates in the field",
        "PSS Coommittee and Case Management Task Force Coleads",
        "N/A",
    ),
    (
        None,
        None,
        None,
        "PSS Committee representation within the MHPSS to ensure coordination between the two entities",
        "PSS Coommittee",
        "N/A",
    ),
    (
        None,
        None,
        None,
        "CMTF to conduct meetings with the SGBV Task force every two months to promote access to services for "
        "child survivors",
        "Case Management Task Force",
        "N/A",
    ),
]

# ---------------------------------------------------------------------------------------------
# Seed 002: IASC Results Group 1 on Operational Response, workplan 2020 and 2021.
# ---------------------------------------------------------------------------------------------
RG1_TITLE = "IASC Results Groups 1 on Operational Response Workplan and Areas of Priority for 2020 and 2021"
RG1_NOTE = (
    "[Note: As a follows up to the IASC Principals' request to the OPAG to consider ways to better "
    "streamline work and rationalize structures of the Results Groups, each Results Group tightened their "
    "priorities, with commitments to shifting the focus to strengthening collaboration across Results "
    "Groups, translating policy to action and amplifying the voices of local actors. The below workplan lays "
    "out the prioritized areas of work of Results Group 1, as endorsed at the OPAG meeting on 25 September "
    "2020. The de-prioritized areas of work will continue under agency specific mandate.]"
)
RG1_GROUP = "RESULTS GROUP 1 - OPERATIONAL RESPONSE"
RG1_CO_CHAIRS = "Co-Chairs: InterAction, OCHA"
RG1_HEADER = [
    "PRIORITY AREAS OF WORK",
    "CONCRETE DELIVERABLES",
    "TIMELINES & STATUS",
    "LEADS",
    "PARTNERS",
    "LINKAGES ACROSS RGs",
]
RG1_WIDTHS_CM = [4.2, 5.6, 8.0, 2.6, 3.6, 2.2]
RG1_PROTECTION = (
    "Ensure Centrality of Protection throughout the humanitarian response, beyond the actions taken by the "
    "protection cluster. Agreed, specific and measurable indicators are included within the cluster response "
    "and are reviewed within the midterm review process."
)
RG1_BAI = (
    "Address bureaucratic impediments imposed on NGOs to curtail their access and their ability to carry out "
    "humanitarian activities [in collaboration with RG3 on Collective Advocacy]."
)
RG1_LOCALIZATION = (
    "Support efforts to operationalize localization, including representation of relevant national and "
    "local organizations in coordination structures."
)
RG1_LEADERSHIP = (
    "Pursue activities to strengthen humanitarian leadership for a more effective and inclusive humanitarian "
    "response, while fostering synergies and complementarity with the reinvigorated Resident Coordinator "
    "system."
)
RG1_EWEA = (
    "Determine how to strengthen the IASC Early Warning and Early Action Analysis and ensure that "
    'the "early '
    'action" aspect is prioritized by the various IASC structures (including the IASC and the EDG).'
)
RG1_ERP = "Finalize the revision of the ERP guidance, publish and disseminate the revised ERP guidance."
RG1_DATA = "Consolidate the current policies and practices of humanitarian partners in the area of data responsibility."
RG1_LOCALIZATION_GUIDANCE_STATUS = (
    "To increase visibility and further implementation of the interim guidance (and other documents "
    "currently being developed by the sub-group), the guidance has been presented during an IASC briefing on "
    "28 January 2021 and a message was shared with IASC members. Regarding the Cluster Coordination "
    "Performance Monitoring (CCPM), there are initial discussions on reviewing the CCPM and the possibility "
    "of adding specific information on localization into the CCPM guidance, survey questionnaire and the "
    "reporting template to ensure that clusters report on progress made."
)
# (priority, deliverable, timelines & status, leads, partners, linkages); None continues the cell above.
RG1_ROWS: list[tuple[str | None, str, str, str, str, str]] = [
    (
        RG1_PROTECTION,
        "Provide relevant protection inputs in advance of the IASC Principals horizon scanning session as well "
        "as the EDG's Annual Review of Operations on critical protection concerns and required actions in "
        "selected countries.",
        "[COMPLETED] Inputs on Nigeria, Burkina Faso and Venezuela provided to inform the Principals horizon "
        "scanning on 5 December 2019. CoP group offered help with updating the questions sent to the field as "
        "part of the EDG Annual Review to strengthen the discussion around protection. Informed by IASC "
        "Secretariat that no survey would be sent apart from the OCHA coordination structures one. Short "
        "turnaround for the OCHA survey did not allow time for consultation of the CoP group. However, "
        "CoP group "
        "co-chairs provided protection inputs to the OCHA survey to inform the EDG AROs for 2021. Agreed to "
        "explore other steps for building on this more robustly in the coming year. EDG AROs format changed for "
        "2021 due to COVID-19 relying on limited number of inputs.\n"
        "[ONGOING] The CoP sub-group provides support to OPAG reflections on protection. The OPAG met "
        "to discuss "
        "protection implications of COVID-19 related stigmatization on 18 June, informed by a background paper "
        "and recommendations prepared by the CoP group. It held another dedicated protection meeting on 29 "
        "October to discuss and endorse the ToR for the IASC Protection Policy review; progress and next steps "
        "for the development of the CoP indicators; and a UNHCR proposal for integrating protection across the "
        "IASC Results Groups and other IASC subsidiary bodies. At the request of donor governments, the CoP "
        "sub-group, with the RG1 co-chairs, briefed donors in January on key activities being undertaken in "
        "support of the Centrality of Protection. Donors expressed support for CoP indicators development and "
        "the five year review of the implementation of the IASC Protection Policy.",
        "OCHA, InterAction",
        "NRC, OHCHR, UNHCR, UNICEF, WFP, DRC, IOM, IRC, Child Protection AoR Co-Chairs, GPC "
        "Coordinator/Operations "
        "Cell, ProCap Support Unit, IFRC, ODI/HPG",
        "RG2, RG3",
    ),
    (
        None,
        "(i) HCs and HCTs in selected countries to undertake reflection and exchange of lessons learned on "
        "implementation of the core requirements of the IASC Protection Policy (based on guidance provided by "
        "RG1).\n(ii) The critical lessons and issues emerging from these reflections will be distilled in a "
        "2-page paper and inform agreed, specific and measurable indicators on the centrality of protection in "
        "practice.",
        "[ONGOING] A small group of CoP members (InterAction, IOM, CP [...] as other sources. In recognition of "
        "ongoing competing demands on [...] March. She is working closely with the CoP group, to develop the "
        "benchmarks through a consultative process. Consultations with a wider range of stakeholders in the "
        "humanitarian system at field and HQ including other Results Groups will take place between July and "
        "September.",
        "",
        "",
        "",
    ),
    (
        None,
        "Commission a review of the IASC Protection Policy in 2020.",
        "[ONGOING] [...] implementation of the IASC Protection Policy in November 2020. The CoP group "
        "developed a budget and a strategy for outreach to donors (an initial meeting was held in January "
        "2021), and articulated terms of reference with a host organisation for the administration of the "
        "Review process. The ToR also set out a key role for the CoP group in inputting to and supporting the"
        " Review process. A host organisation (NRC) has been identified, and a bid was issued in May 2021. "
        "Applications are currently being reviewed. Outreach to donors is ongoing. The CoP group co-chairs "
        "also supported RG1 co-chairs to develop ToR for the IASC Committee, endorsed by OPAG in March 2021. "
        "The Committee will act as a sounding board for the consultants and encourage system-wide buy-in for "
        "the Review itself, and its findings and recommendations.",
        "",
        "",
        "",
    ),
    (
        None,
        "Upon finalisation of the Review, support OPAG to develop a Management Action Plan to facilitate "
        "IASC-wide absorption and meaningful action on the Review's findings and recommendations. [OPAG action "
        "point agreed on 29 October 2020].",
        "[ONGOING] To be undertaken upon finalisation of the Review, as set out in the ToRs for the IASC Review "
        "of the implementation of the IASC Protection Policy, endorsed by the OPAG at its meeting October 2020.",
        "",
        "",
        "",
    ),
    (
        RG1_BAI,
        "(i) Document and map bureaucratic impediments and restrictive NGO Law provisions in major global "
        "humanitarian crises.",
        "[COMPLETED] The mapping was finalized in December 2019.",
        "InterAction, ICVA",
        "Save the Children, InterSos, various field NGOs and NGO consortia",
        "",
    ),
    (
        None,
        "(ii) Develop normative guidance (in the form of a best practices and lessons learned document) for HCs "
        "and HCTs to contribute to mitigating effects of bureaucratic impediments on humanitarian operations.",
        "[ONGOING] RG1 and OPAG confirmed prioritization of BAI as a key work area and deliverable. Normative "
        "guidance for HCs and HCTs related to effectively and collectively addressing Bureaucratic and "
        "Administrative Impediments (BAI) at the field level will be developed in mid-2021, based on a "
        "synthesis "
        "of a series of case studies conducted by the sub-group. The first case study, on Myanmar, has been "
        "finalized, including an update on changes due to COVID-19 restrictions which will yield additional "
        "documentation and learning. The next three case studies' data collection and analysis, in Afghanistan, "
        "Venezuela, and Nigeria complete and the Sub-group is basing draft final tools from them. Following the "
        "preparation of final draft tools, the sub group will conduct consultation and feedback sessions with "
        "the three most recent case study contexts to offer and solicit feedback from field based colleagues. "
        "The sub-group is also working with the IASC P2P team on a briefing and workshop on BAI with "
        "HCs to test "
        "out the draft normative guidance once it is prepared in the fall of 2021 and co-chairs are "
        "concurrently briefing donors upon their request.",
        "InterAction, ICVA",
        "InterAction, ICVA, WFP, IOM, OCHA, NRC, Save the Children, UNHCR various field NGOs and NGO consortia",
        "RG3, RG5",
    ),
    (
        RG1_LOCALIZATION,
        "Identify benchmarks to measure progress in taking forward the localization agenda.",
        "[ONGOING] This deliverable was requested by the OPAG at its meeting on 19 July 2020; benchmarks have "
        "been developed as part of the localization guidance to HCTs and will be used for the HC/HCT "
        "guidance to "
        "measure progress. In addition, OCHA will be collecting disaggregated data on localisation, in order to "
        "monitor and track indicators for the development of a baseline for targets for the guidance on "
        "meaningful participation of local/ national actors in IASC coordination structures.",
        "ICVA, UNHCR",
        "",
        "All RGs",
    ),
    (
        None,
        "Operationalize the IASC Interim Guidance on Localization and the COVID-19 Response.",
        "[COMPLETED] This deliverable was requested by the OPAG at its meeting on 19 July 2020. "
        + RG1_LOCALIZATION_GUIDANCE_STATUS,
        "",
        "",
        "",
    ),
    (
        None,
        "Draft a Framework for better engagement with local government in humanitarian operations [IASC "
        "Principals action point agreed on 5 Dec 2019].",
        "[ONGOING] To be finalized in Q2 2021. Consultations with various stakeholders took place, including "
        "with local governments to draft a framework for better engagement with local governments. An advanced "
        "draft of the Framework for Engagement between Local Governments and Humanitarian Actors which consists "
        "of two parts (a Statement of Principles and Commitments and an Operational Guidance Note for Improved "
        "Collaboration between Local Governments and Humanitarian Actors) will be shared with RG 1 cochairs for "
        "clearance and shared with OPAG for endorsement.",
        "UN Habitat",
        "Various local governments",
        "",
    ),
    (
        None,
        "Develop guidance for HCs/HCTs to engage local/national representation in HCTs, based on an information "
        "repository to bring together a range of information on the participation of NNGOs in leadership and "
        "coordination structures.",
        "[ONGOING] To be finalized by June 2021. The product is currently being formatted and branded by the "
        "IASC secretariat and will be published soon. In February 2021, the sub-group shared a first draft with "
        "all RGs, the Grand Bargain Work Stream 2 members, NGO consortia for feedback. In addition, "
        "consultations were held with local actors in English, Arabic, French and Spanish. In April, the "
        "guidance was shared with OPAG for endorsement with feedback adequately incorporated in May. An online "
        "information repository was also established at reliefweb.int to improve information sharing on "
        "localization and coordination including guidance, policies, good practices, case studies, and "
        "information on localization initiatives and projects.\n"
        "[COMPLETED] Regarding the inclusion of national and local NGOs in RG1 sub-group, a call for interest "
        "was launched with clear selection criteria, e.g. previous engagement in localization mainstreaming, "
        "expertise in humanitarian and/or development assistance, proficiency in English, etc. Over 100 "
        "applications were submitted so far and a selection panel, composed of the co-chair of the sub-group, "
        "three representatives from local NGO members of Global Cluster SAGs and ICVA, reviewed the "
        "applications. Eight local candidates were selected with the consideration of gender, region, the "
        "nature of local actors as individual organization or a network and will participate regularly in the "
        "upcoming subgroup meetings. The goal is to ensure that 50% of sub-group members are national and local "
        "NGOs, with representatives from all regions.",
        "OCHA and ICVA",
        "OCHA, ICVA, UNHCR, Somalia NGO Consortium, NEAR Network, IOM, UNICEF",
        "",
    ),
    (
        None,
        "Develop and operationalize IASC Interim Guidance on Localization and the COVID-19 Response.",
        "[COMPLETED] The interim guidance was developed under the leadership of IFRC and UNICEF and endorsed by "
        "the Principals in May 2020. " + RG1_LOCALIZATION_GUIDANCE_STATUS,
        "IFRC, UNICEF",
        "All members of RG1",
        "RG5",
    ),
    (
        RG1_LEADERSHIP,
        "Update the Introduction to Humanitarian Action – A Brief Guide for Resident Coordinators (2015) (this "
        "is part of the background documents that are shared together with the ERC designation letter to "
        "sitting HCs and the ERC letter to newly appointed RCs to articulate the expectations of them in "
        "ensuring crisis-affected people rapidly get the humanitarian assistance needed).",
        "[COMPLETED] The handbook was shared with RG1 and OPAG for red line feedback in December with all OPAG "
        "red line comments addressed. The endorsed document will be shared in due course.",
        "OCHA",
        "P2P, UNSDG, various NGOs",
        "NA",
    ),
    (
        None,
        "Strengthen linkages with DCO on aspects related to leadership and the development system reform and "
        "ensuring that field leaders are aware of the expectations of them and the support available by the "
        "IASC for their humanitarian coordination function.",
        "[COMPLETED] Through engagement in the RC Talent Management Revamp, the IASC is better linked up and "
        "positioned on leadership aspects, including as it relates to RC selections, performance management, "
        "leadership development and the joint RC/HC Talent Pipeline",
        "OCHA",
        "EDG, DCO",
        "NA",
    ),
    (
        None,
        "Review and provide guidance on the identification (circumstances), development (tailored support for "
        "sitting DHCs) and accountability (guidance to manage the relationship and accountability of the DHC to "
        "the HC and HCT) of Deputy Humanitarian Coordinators.",
        "[ONGOING] Initial consultations with DHCs conducted. Amid the additional workload due to COVID-19, "
        "support will continue to be provided to new and sitting DHCs on an individual basis.",
        "OCHA, ICVA, UNDP, UNHCR, IOM",
        "P2P",
        "NA",
    ),
    (
        None,
        "Convene an inter-agency advisory team to support the development of and contribution to the 1st RC "
        "Induction Briefing held since the implementation of the reinvigorated Resident Coordinator system.",
        "[COMPLETED] A proposal developed by OCHA following consultation with DCO and shared with the "
        "inter-agency advisory team in October to provide inputs to the RC Induction on 11-14 Nov 2019.",
        "OCHA",
        "DCO",
        "NA",
    ),
    (
        None,
        "Develop a communication and outreach campaign in support of broadening, deepening and diversifying the "
        "pool of candidates for interagency senior field coordination leadership functions.",
        "[COMPLETED] This was already addressed during 2019's annual call for the HiPo and the HC Pool, which "
        "saw better gender, geographical and functional balance. In view of COVID-19, 2020's HiPo and HC pool "
        "process was conducted virtually with the original timeline in Q3 2020 ahead of the next ERC call for "
        "the HC pool.",
        "OCHA, ICVA, UNDP, UNHCR, IOM",
        "UNSDG",
        "NA",
    ),
    (
        RG1_EWEA,
        "Continue to identify, analyse and prioritise emerging risks and publish bi-annual EWEAR "
        "analysis report. "
        "[They will better align with other Disaster Risk Reduction and preparedness mechanisms and consider an "
        "adjustment of the timing of the report's publication in line with the IASC Principals and EDG "
        "meetings]",
        "[CONTINUOUS] Analysis continues to be produced with a six-month horizon. The latest iterations of IASC "
        "Early Warning and Early Action Analysis considers COVID-related risks in identifying risks and "
        "preparedness actions. The report for November 2020-April 2021 was finalized in late October 2020.",
        "WFP",
        "EDG",
        "NA",
    ),
    (
        None,
        "(i) Provide preparedness/readiness inputs for risks to be discussed by the analyst group in order to "
        "inform the prioritisation of the EWEAR report.\n(ii) Identify and consolidate suggested IASC readiness "
        "and early actions and support required, through consultation with field offices, following the "
        "identification of prioritised risks, and ahead of the EDG and Principals meeting, in order to inform "
        "the discussions at the EDG and Principals.\n(iii) Provide regular update reports on actions taken "
        "regarding EWEAR risks.",
        "",
        "OCHA, UNICEF",
        "",
        "NA",
    ),
    (
        RG1_ERP,
        "",
        "[ONGOING] A draft of the revised ERP guidance was ready in February 2020; however, the consultation "
        "process is put on hold in light of COVID-19. Consultations will be held in 2021.",
        "WFP, OCHA, UNICEF, Mercy Corps",
        "EDG",
        "NA",
    ),
    (
        None,
        "Develop the IASC Interim Guidance: Emergency Response Preparedness (ERP) Approach to the COVID-19 Pandemic.",
        "[COMPLETED] The interim guidance was developed by OCHA and UNICEF and endorsed by the Principals in "
        "April 2020.",
        "OCHA, UNICEF",
        "",
        "NA",
    ),
    (
        RG1_DATA,
        "Facilitate the development of a new joint system-wide operational guidance on data responsibility "
        "being produced by the OCHA Centre for Humanitarian Data in the Hague.",
        "[COMPLETED] Finalized in Q4 2020 and endorsed by OPAG as of January 2021. The endorsed version will be "
        "circulated widely to the humanitarian community and followed up with a briefing in Q1 2021.",
        "OCHA Centre for Humanitarian Data, UNHCR, IOM",
        "DRC, IFRC, IRC, IOM, JIPS, Mercy Corps, MSF, NRC, OCHA, OHCHR, Save the Children, UNHCR, WFP, CARE and CRS",
        "NA",
    ),
    (
        None,
        'Develop an "FAQ on Data Responsibility in the COVID-19 Response" to support organizations and staff '
        "around the world working with data in the COVID-19 response.",
        "[COMPLETED] Finalized in April 2020. The FAQ will continue to be updated on a rolling basis.",
        "Same as above",
        "NA",
        "NA",
    ),
]

# ---------------------------------------------------------------------------------------------
# Seed 004: Child Protection in Emergencies WG meeting deck (June 2014).
# ---------------------------------------------------------------------------------------------
AGENDA: list[tuple[int, str]] = [
    (0, "1. Review action points"),
    (0, "2. Updates"),
    (1, "Field"),
    (1, "Sub-groups: CM TWG, PSS TF, Advocacy TF, Assessment, Mainstreaming"),
    (1, "Other sectors"),
    (0, "3. Workplan"),
    (0, "4. Activity Info"),
    (1, "May reporting"),
    (1, "Indicators: revised guidance"),
    (1, "AI viewing access and data-sharing tool"),
    (0, "5. Introducing Case Management Practical Guidance"),
    (0, "6. CPMS Presentation: Standard 15: Case Management"),
    (0, "7. AOB"),
    (1, "Dropbox"),
    (1, "ROVs"),
    (1, "INQAL"),
    (1, "Kafa trainings update"),
]
# Rows of the action point table: a 1-tuple is a section row spanning both columns.
ACTION_POINTS: list[tuple[str] | tuple[str, str]] = [
    ("Updates",),
    ("Coordinator to share logo with group members and field coordinators.", "Shared with coordinators"),
    ("Follow-up on creating versions with CPiEWG wording to be used stand alone.", "Under way"),
    (
        "Coordinator to report back on establishing contact with other coordination mechanisms for sharing of "
        "tools and products.",
        "Links established w other coordinators",
    ),
    ("Coordinator to share field workplans as available.", "2 News removated"),
    ("Contact information for HP TWiG chair can be requested from Coordinator.", "None requested"),
    (
        "Coordinator and IM to provide further guidance as available on cross-sector reporting into HP indicator.",
        "To be shared in June with other guidance",
    ),
    (
        "Coordinator to share update from Cash WG; guidance documents on child protection and cash; and to call "
        "meeting.",
        "Not done yet – proposed meeting w Cash WG",
    ),
    ("Members to gather information internally on their positions for cash.", ""),
    ("Organizations already doing cash to inform Coordinator.", "UNRWA, others?"),
    ("Core Group",),
    (
        "Coordinator to send email to establish group membership and structure.",
        "Completed; all three new groups formed",
    ),
    (
        "Members to consider where experience, strengths, and resources best fit and identify which groups "
        "interested in joining and/or (co)chairing. Members to identify if interested in (co-)chairing.",
        "Any new members wanting to join should inform Coordinator",
    ),
    ("Activity Info",),
    (
        "Members to email IM (along@unicef.org) and cc Coordinator with comments on the data sheet or "
        "suggestions for mapping/analysis.",
        "None received",
    ),
    ("IM to add 'high-risk cases' and 'cases closed' disaggregations to Activity Info.", "To be added for July"),
    ("Coordinator to share revised AI reporting guidance document.", "To be shared in June"),
    ("Members to consider access rights internally and decide at next meeting.", "Agenda item for 11 June"),
    ("Presentation: Introducing CP MS",),
    (
        "Organizations still wanting to order hard copies of CP MS to inform Coordinator asap. Order to be "
        "placed by end of week.",
        "Ordered and shipped. Coordinator will email on arrival for distribution.",
    ),
    ("Coordinator to send email for sign-up to rotate presentations on standards.", "Table to be distributed."),
    ("RRP6 Mid-Year Review",),
    ("Members to review needs narrative and provide comments by end of day.", "Submitted"),
    ("Presentation: Introduction to MRM and CAAC programming in Lebanon",),
    ("Contact Carlos Bohorquez (cborohquez@unicef.org) or Coordinator to join technical group.", ""),
    ("Coordinator to liaise with field working groups to ensure referral maps are updated.", "Underway"),
]
# (title, bullets as (level, text)) for the slides after the action points.
BULLET_SLIDES: list[tuple[str, list[tuple[int, str]]]] = [
    (
        "Updates: Field",
        [
            (0, "Tripoli"),
            (1, "Workplan completed."),
            (0, "Akkar"),
            (1, "Rotating NGO co-chairs (4m)."),
            (1, "New appointment of Juvenile Judge in Tripoli."),
            (
                1,
                "Assumed functions, but not meeting with CP actors until mid-June. Potential to delay "
                "determination of temporary care.",
            ),
        ],
    ),
    (
        "Updates: CPiE sub-groups",
        [
            (0, "CP Needs Assessment"),
            (1, "Scale: national (with strong regional links)"),
            (1, "Scope: all cohorts of children"),
            (1, "Timeframe: By end of year (Oct/Nov 2014)"),
            (1, "Start with literature review and secondary data analysis"),
            (1, "ASK: all members to share all data and information from July 2013-present by 20 June 2014"),
        ],
    ),
    (
        "Updates: CPiE sub-groups",
        [
            (0, "Case Management TWG"),
            (1, "Practical Guidance endorsed by MoSA"),
            (1, "Roll-out: workshops in June-July"),
            (1, "MoJ/MoSA/MoI developing MOU: emergency procedures refer high-risk cases for judicial intervention"),
            (1, "Alternative care: model being developed"),
            (1, "MoSA-MoJ working on legal implications"),
        ],
    ),
    (
        "Updates: CPiE sub-groups",
        [
            (0, "PSS TF"),
            (1, "Continues under CPiEWG; link MHPSS TF (Health WG)"),
            (1, "Main focus: develop tools and guidance per field needs"),
            (0, "Advocacy TF"),
            (1, "Key messages for children, parents, communities"),
            (1, "ASK: share all key message resources by 20 June 2014"),
            (0, "Mainstreaming meeting after CPiEWG"),
        ],
    ),
]
WORKPLAN_SLIDE = ("Workplan", [(0, "Review responsible parties as no core group.")])
AI_SLIDES: list[tuple[str, list[tuple[int, str]]]] = [
    (
        "AI: May preliminary results",
        [
            (0, "PSS children: 217,857 (Jan-May)"),
            (0, "PSS children: 38,911 (May only)"),
            (0, "PSS caregivers: 67,982 (Jan-May)"),
            (0, "PSS caregivers: 8,862 (May only)"),
        ],
    ),
    (
        "AI: May preliminary results",
        [
            (0, "Children individually assisted: 2,615 (Jan-May)"),
            (0, "Children individually assisted: 530 (May only)"),
            (0, "Service providers trained: 789 (Jan-May)"),
            (0, "Service providers trained: 171 (May only)"),
        ],
    ),
    (
        "Indicators revised guidance",
        [
            (0, "Indicator 3: Individually assisted/CM"),
            (1, "All cases reported as of June or July?"),
            (1, "Two new disaggregations:"),
            (2, "High-risk cases"),
            (2, "Cases closed"),
            (1, "Definition of risk level per practical guidance (table attached)"),
        ],
    ),
    (
        "AI: Viewing access",
        [
            (0, "Discussion to grant all viewing access of AI"),
            (1, "All sectors, all organizations, all entries"),
            (1, "Increased transparency?"),
            (1, "NO editing abilities"),
            (0, "See excel file example"),
        ],
    ),
]
MEASUREMENT_ROWS: list[tuple[str, str]] = [
    ("OUTCOME INDICATOR", "OUTCOME Target"),
    ("Existence of the case management system", "Yes"),
    ("Number of cases that were opened and closed within a three-month period", "To be determined in country"),
    ("ACTION INDICATOR", "ACTION TARGET"),
    ("3. Cases given to each caseworker are not more than 25", "Yes"),
    ("4. Case conferences are carried out at least every two weeks", "Yes"),
    (
        "Job descriptions and SOPs for case workers are in place, and 100% of case workers surveyed demonstrate "
        "full knowledge of these",
        "Yes",
    ),
    ("Case workers receive regular training (once every two months) as well as supervision", "Yes"),
    (
        "A community-driven definition for child vulnerability is developed and agreed upon by different child "
        "protection actors",
        "Yes",
    ),
    ("Percentage of care plans developed within two weeks of the assessment", "90%"),
    ("Percentage of cases that are being reviewed as least once a month after designing the care plan", "90%"),
]
AOB_SLIDE = (
    "AOB: Dropbox",
    [
        (0, "Simple way to share materials"),
        (0, "Access online or download for folder use"),
        (0, "Workplan: honour agreement for sharing/use?"),
    ],
)


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------
def new_document(title: str, landscape: bool) -> DocxDocument:
    """An empty document with fixed core properties, small Arial body text and the given orientation."""
    doc = new_docx()
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, AUTHOR, AUTHOR
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(BODY_PT)
    section = doc.sections[0]
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        set_landscape(section)
    return doc


def set_landscape(section: Section) -> None:
    """Turn a section to A4 landscape."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)


def set_cell_text(cell: _Cell, text: str, bold: bool = False) -> None:
    """Write text into a cell, one paragraph per line."""
    for index, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = bold or None


def shade_cell(cell: _Cell, fill: str) -> None:
    """Give a cell a solid background."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def mark_header_row(row: _Row) -> None:
    """Repeat a row at the top of each page, as workplan tables do."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def grid_table(doc: DocxDocument, grid: list[list[str]], n_header: int, widths_cm: list[float]) -> DocxTable:
    """A bordered table from a grid of texts, UP/LEFT cells merged into their neighbours."""
    table = doc.add_table(rows=len(grid), cols=len(grid[0]))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for r, values in enumerate(grid):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = Cm(widths_cm[c])
            if value not in (UP, LEFT):
                set_cell_text(cell, value, bold=r < n_header)
            if r < n_header:
                shade_cell(cell, HEADER_FILL)
    for r in range(n_header):
        mark_header_row(table.rows[r])
    merge_sentinels(table, grid)
    return table


def merge_sentinels(table: DocxTable, grid: list[list[str]]) -> None:
    """Merge each run of LEFT cells into the cell before it, then each run of UP cells into the cell above."""
    for r, values in enumerate(grid):
        for c, value in enumerate(values):
            if value != LEFT and c + 1 < len(values) and values[c + 1] == LEFT:
                end = c + 1
                while end + 1 < len(values) and values[end + 1] == LEFT:
                    end += 1
                table.cell(r, c).merge(table.cell(r, end))
    for c in range(len(grid[0])):
        for r in range(len(grid)):
            if grid[r][c] != UP and r + 1 < len(grid) and grid[r + 1][c] == UP:
                end = r + 1
                while end + 1 < len(grid) and grid[end + 1][c] == UP:
                    end += 1
                table.cell(r, c).merge(table.cell(end, c))


def marks(pattern: str, mark: str) -> list[str]:
    """Quarter cells from a pattern like 'x..x' (x = marked)."""
    return [mark if char == "x" else "" for char in pattern]


def up_or(value: str | None) -> str:
    """The cell value, or UP when the row continues the merged cell above."""
    return UP if value is None else value


def lcrp_grid() -> list[list[str]]:
    """Seed 000's table: header, then one row per deliverable."""
    rows = [
        [up_or(priority), up_or(objective), deliverable, lead, *marks(quarters, "X")]
        for priority, objective, deliverable, lead, quarters in LCRP_ROWS
    ]
    return [LCRP_HEADER, *rows]


def cp_body(rows: list[tuple[str | None, str | None, str | None, str, str, str]]) -> list[list[str]]:
    """Seed 001's rows: every key activity marked in all four quarters of 2020."""
    return [
        [up_or(output), up_or(indicator), up_or(lcrp), activity, *marks("xxxx", "x"), lead, partners, ""]
        for output, indicator, lcrp, activity, lead, partners in rows
    ]


def rg1_grid() -> list[list[str]]:
    """Seed 002's table: header, then one row per concrete deliverable."""
    return [RG1_HEADER, *[[up_or(row[0]), *row[1:]] for row in RG1_ROWS]]


def build_lcrp_docx(path: Path) -> None:
    """Seed 000: intro paragraph and the joint Inter-Sector workplan table."""
    doc = new_document("Joint Inter-Sector Annual Workplan - LCRP 2023", landscape=True)
    doc.add_paragraph(LCRP_INTRO)
    grid_table(doc, lcrp_grid(), 1, LCRP_WIDTHS_CM)
    doc.save(str(path))


def build_cp_docx(path: Path) -> None:
    """Seed 001: title, the two-row-header table, and the General table that follows it."""
    doc = new_document(CP_TITLE, landscape=True)
    doc.add_paragraph().add_run(CP_TITLE).bold = True
    grid_table(doc, [*CP_HEADER, *cp_body(CP_ROWS)], 2, CP_WIDTHS_CM)
    doc.add_paragraph()
    grid_table(doc, cp_body(CP_GENERAL_ROWS), 0, CP_WIDTHS_CM)
    doc.save(str(path))


def build_rg1_docx(path: Path) -> None:
    """Seed 002: title and note on a portrait page; group, co-chairs and table in a landscape section."""
    doc = new_document(RG1_TITLE, landscape=False)
    doc.add_paragraph().add_run(RG1_TITLE).bold = True
    doc.add_paragraph(RG1_NOTE)
    set_landscape(doc.add_section(WD_SECTION.NEW_PAGE))
    doc.add_paragraph().add_run(RG1_GROUP).bold = True
    doc.add_paragraph().add_run(RG1_CO_CHAIRS).bold = True
    grid_table(doc, rg1_grid(), 1, RG1_WIDTHS_CM)
    doc.save(str(path))


# ---------------------------------------------------------------------------------------------
# PPTX
# ---------------------------------------------------------------------------------------------
def add_bullet_slide(prs: PptxPresentation, title: str, bullets: list[tuple[int, str]]) -> None:
    """A title-and-content slide; an empty title leaves the slide untitled, as the agenda slides are."""
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    if title:
        slide.shapes.title.text = title
    else:
        slide.shapes._spTree.remove(slide.shapes.title._element)
    frame = slide.placeholders[1].text_frame
    for index, (level, text) in enumerate(bullets):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text, paragraph.level = text, level
        paragraph.font.size = PptPt(16 if level == 0 else 14)


def add_table_slide(
    prs: PptxPresentation, title: str, rows: Sequence[tuple[str, ...]], widths_in: tuple[float, float], font_pt: int
) -> None:
    """A title-only slide with a two-column table; one-cell rows span both columns."""
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    width = Inches(sum(widths_in))
    table = slide.shapes.add_table(len(rows), 2, Inches(0.3), Inches(1.3), width, Inches(5.8)).table
    table.columns[0].width, table.columns[1].width = Inches(widths_in[0]), Inches(widths_in[1])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
        if len(row) == 1:
            table.cell(r, 0).merge(table.cell(r, 1))
        for c in range(2):
            for paragraph in table.cell(r, c).text_frame.paragraphs:
                paragraph.font.size = PptPt(font_pt)
                paragraph.font.bold = len(row) == 1 or r == 0


def build_action_points_pptx(path: Path) -> None:
    """Seed 004: agenda slides, the action point table, update and Activity Info slides."""
    prs = Presentation()
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "CPiE Working Group meeting", AUTHOR, AUTHOR
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    add_bullet_slide(prs, "", AGENDA)
    add_bullet_slide(prs, "", AGENDA)
    add_table_slide(prs, "Review Action Points", [("Action Point", "Status"), *ACTION_POINTS], (6.4, 3.0), 7)
    middle = [("", AGENDA), *BULLET_SLIDES, ("", AGENDA), WORKPLAN_SLIDE, ("", AGENDA), *AI_SLIDES]
    for title, bullets in middle:
        add_bullet_slide(prs, title, bullets)
    add_table_slide(prs, "MEASUREMENT", MEASUREMENT_ROWS, (6.9, 2.5), 10)
    add_bullet_slide(prs, "", AGENDA)
    add_bullet_slide(prs, *AOB_SLIDE)
    prs.save(str(path))


# ---------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------
def build_cp_xlsx(path: Path) -> None:
    """Seed 001 as a spreadsheet: title row, two-row header, merged output/indicator/LCRP cells."""
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = AUTHOR
    wb.properties.created = wb.properties.modified = FIXED_DATE
    ws = wb.active
    ws.title = "CP Workplan 2020"
    ws.cell(1, 1, CP_TITLE).font = Font(bold=True, size=12)
    grid = [*CP_HEADER, *cp_body(CP_ROWS), *cp_body(CP_GENERAL_ROWS)]
    first_row = 3
    for r, values in enumerate(grid, start=first_row):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c, None if value in (UP, LEFT, "") else value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if r < first_row + len(CP_HEADER):
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    merge_xlsx_sentinels(ws, grid, first_row)
    for c, width in enumerate(CP_WIDTHS_CM, start=1):
        ws.column_dimensions[chr(64 + c)].width = width * 5
    wb.save(path)


def merge_xlsx_sentinels(ws: Worksheet, grid: list[list[str]], first_row: int) -> None:
    """Merge UP runs vertically and LEFT runs horizontally, as in the DOCX tables."""
    for r, values in enumerate(grid):
        for c, value in enumerate(values):
            if value in (UP, LEFT):
                continue
            right = c
            while right + 1 < len(values) and values[right + 1] == LEFT:
                right += 1
            down = r
            while down + 1 < len(grid) and grid[down + 1][c] == UP:
                down += 1
            if (right, down) != (c, r):
                ws.merge_cells(
                    start_row=first_row + r, start_column=c + 1, end_row=first_row + down, end_column=right + 1
                )


# ---------------------------------------------------------------------------------------------
# Rendering and determinism
# ---------------------------------------------------------------------------------------------
def convert_to_pdf(source: Path) -> Path:
    """Render a DOCX/PPTX to PDF beside it with LibreOffice, in a private profile (safe in parallel)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "libreoffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(source.parent),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return source.with_suffix(".pdf")


def fix_ooxml_dates(path: Path) -> None:
    """Rewrite a DOCX/PPTX/XLSX zip with fixed entry times and fixed core-property dates."""
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(CORE_DATE_RE, rb"\g<1>" + stamp.encode(), data)
            target.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    shutil.move(tmp, path)


def fix_pdf_dates(path: Path) -> None:
    """Replace the render's dates, file ID and checksum in a PDF by fixed values of the same length."""
    data = path.read_bytes()
    data = re.sub(rb"D:\d{14}", FIXED_DATE.strftime("D:%Y%m%d%H%M%S").encode(), data)
    data = re.sub(PDF_ID_RE, rb"\1<" + PDF_ZEROS + rb">\2<" + PDF_ZEROS + rb">", data)
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + PDF_ZEROS, data)
    path.write_bytes(data)


def build_all() -> list[Path]:
    """Write every sample; return their paths."""
    SAMPLES.mkdir(parents=True, exist_ok=True)
    office = [
        (build_lcrp_docx, SAMPLES / "inter-sector-workplan-2023.docx"),
        (build_cp_docx, SAMPLES / "child-protection-workplan-2020.docx"),
        (build_rg1_docx, SAMPLES / "results-group-1-workplan-2020-2021.docx"),
        (build_action_points_pptx, SAMPLES / "action-points-deck.pptx"),
    ]
    written = []
    for build, path in office:
        build(path)
        fix_ooxml_dates(path)
        pdf = convert_to_pdf(path)
        fix_pdf_dates(pdf)
        written += [path, pdf]
    xlsx = SAMPLES / "child-protection-two-row-header.xlsx"
    build_cp_xlsx(xlsx)
    fix_ooxml_dates(xlsx)
    return [*written, xlsx]


if __name__ == "__main__":
    for written_path in build_all():
        print(f"{written_path.relative_to(ROOT)}  {written_path.stat().st_size // 1024} KB")
