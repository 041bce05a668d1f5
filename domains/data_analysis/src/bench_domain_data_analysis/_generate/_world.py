"""The company the fixtures describe: offices, departments and teams, levels, pay bands, names.

Fernhill Software is a 300-person B2B software company founded in 2016, with six offices in
four currencies. The reference date is Wednesday 2026-04-08; the fiscal year is the calendar
year, so "last quarter" is 2026-Q1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

COMPANY = "Fernhill Software"
TODAY = dt.date(2026, 4, 8)
FOUNDED = dt.date(2016, 3, 1)
REORG_DAY = dt.date(2025, 7, 1)  # Customer Support became Customer Success
# Planning rates (USD per unit) fixed for FY2026: used wherever pay is shown in USD.
USD_RATES = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CAD": 0.73, "INR": 0.012}


@dataclass(frozen=True)
class Office:
    id: str
    city: str
    country: str
    currency: str
    pay_factor: float  # pay relative to New York, both in USD


OFFICES = (
    Office("BER", "Berlin", "DE", "EUR", 0.74),
    Office("LON", "London", "GB", "GBP", 0.84),
    Office("NYC", "New York", "US", "USD", 1.0),
    Office("AUS", "Austin", "US", "USD", 0.9),
    Office("TOR", "Toronto", "CA", "CAD", 0.78),
    Office("BLR", "Bangalore", "IN", "INR", 0.3),
)
OFFICE_BY_ID = {o.id: o for o in OFFICES}


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    track: str
    nyc_mid: int  # band midpoint in New York, USD


LEVELS = (
    Level("IC1", "Associate", "individual", 72_000),
    Level("IC2", "Professional", "individual", 94_000),
    Level("IC3", "Senior", "individual", 124_000),
    Level("IC4", "Staff", "individual", 154_000),
    Level("IC5", "Principal", "individual", 188_000),
    Level("M1", "Manager", "management", 150_000),
    Level("M2", "Senior Manager", "management", 184_000),
    Level("M3", "Vice President", "management", 236_000),
    Level("E1", "Executive", "executive", 320_000),
)
LEVEL_IDS = tuple(level.id for level in LEVELS)
BAND_SPREAD = 0.2  # band minimum and maximum are the midpoint -/+ 20%


@dataclass(frozen=True)
class TeamSpec:
    id: str
    name: str
    size: int  # individual contributors today
    lead_title: str
    shares_manager_with: str | None = None
    since: dt.date = FOUNDED


@dataclass(frozen=True)
class DepartmentSpec:
    id: str
    name: str
    head_title: str
    cost_center: str
    ic_title: str
    offices: dict[str, int]  # weights of the offices its people work in
    teams: tuple[TeamSpec, ...]
    former_name: str | None = None


DEPARTMENTS = (
    DepartmentSpec(
        "ENG", "Engineering", "VP Engineering", "CC-100", "Software Engineer",
        {"BER": 35, "LON": 10, "NYC": 10, "AUS": 15, "TOR": 10, "BLR": 20},
        (
            TeamSpec("ENG-PLT", "Platform", 18, "Engineering Manager"),
            TeamSpec("ENG-PAY", "Payments", 12, "Engineering Manager"),
            TeamSpec("ENG-DAT", "Data Platform", 5, "Engineering Manager"),
            TeamSpec("ENG-MOB", "Mobile", 10, "Engineering Manager"),
            TeamSpec("ENG-WEB", "Web", 17, "Engineering Manager"),
            TeamSpec("ENG-SRE", "Site Reliability", 9, "Engineering Manager"),
            TeamSpec("ENG-SEC", "Security", 3, "Security Manager"),
            TeamSpec("ENG-QA", "Quality Engineering", 8, "QA Manager"),
        ),
    ),
    DepartmentSpec(
        "PRD", "Product & Design", "VP Product", "CC-200", "Product Manager",
        {"BER": 40, "LON": 20, "NYC": 30, "TOR": 10},
        (
            TeamSpec("PRD-PM", "Product Management", 10, "Group Product Manager"),
            TeamSpec("PRD-DES", "Design", 8, "Design Manager"),
            TeamSpec("PRD-DSY", "Design Systems", 3, "", "PRD-DES", dt.date(2025, 11, 3)),
        ),
    ),
    DepartmentSpec(
        "SAL", "Sales", "VP Sales", "CC-300", "Account Executive",
        {"NYC": 35, "AUS": 25, "LON": 20, "TOR": 10, "BER": 10},
        (
            TeamSpec("SAL-ENT", "Enterprise Sales", 14, "Sales Director"),
            TeamSpec("SAL-MM", "Mid-Market Sales", 17, "Sales Manager"),
            TeamSpec("SAL-SDR", "Sales Development", 17, "SDR Manager"),
        ),
    ),
    DepartmentSpec(
        "CS", "Customer Success", "VP Customer Success", "CC-400", "Support Specialist",
        {"AUS": 30, "TOR": 25, "BLR": 25, "LON": 20},
        (
            TeamSpec("CS-T1", "Support Tier 1", 16, "Support Manager"),
            TeamSpec("CS-T2", "Support Tier 2", 9, "Support Manager"),
            TeamSpec("CS-ONB", "Onboarding", 6, "Onboarding Manager", None, REORG_DAY),
            TeamSpec("CS-AM", "Account Management", 10, "Account Management Lead"),
        ),
        former_name="Customer Support",
    ),
    DepartmentSpec(
        "MKT", "Marketing", "VP Marketing", "CC-500", "Marketing Specialist",
        {"NYC": 40, "LON": 25, "BER": 20, "AUS": 15},
        (
            TeamSpec("MKT-GRO", "Growth", 9, "Growth Manager"),
            TeamSpec("MKT-BRD", "Brand & Content", 8, "Content Manager"),
            TeamSpec("MKT-PMM", "Product Marketing", 6, "Product Marketing Manager"),
        ),
    ),
    DepartmentSpec(
        "FIN", "Finance", "VP Finance", "CC-600", "Financial Analyst",
        {"NYC": 50, "BER": 25, "LON": 25},
        (
            TeamSpec("FIN-ACC", "Accounting", 9, "Controller"),
            TeamSpec("FIN-FPA", "FP&A", 6, "FP&A Manager"),
        ),
    ),
    DepartmentSpec(
        "PPL", "People", "VP People", "CC-700", "People Partner",
        {"NYC": 30, "BER": 30, "LON": 20, "BLR": 20},
        (
            TeamSpec("PPL-TA", "Talent Acquisition", 7, "Talent Acquisition Lead"),
            TeamSpec("PPL-OPS", "People Operations", 7, "People Operations Manager"),
        ),
    ),
    DepartmentSpec(
        "OPS", "Operations", "Chief Operating Officer", "CC-800", "Operations Specialist",
        {"NYC": 45, "BER": 25, "AUS": 15, "BLR": 15},
        (
            TeamSpec("OPS-EXO", "Executive Office", 2, ""),
            TeamSpec("OPS-IT", "IT", 9, "IT Manager"),
            TeamSpec("OPS-WPL", "Workplace", 6, "Workplace Manager"),
            TeamSpec("OPS-LGL", "Legal", 4, "General Counsel"),
        ),
    ),
)  # fmt: skip
DEPARTMENT_BY_ID = {d.id: d for d in DEPARTMENTS}
TEAM_BY_ID = {t.id: t for d in DEPARTMENTS for t in d.teams}
TEAM_DEPARTMENT = {t.id: d.id for d in DEPARTMENTS for t in d.teams}
# Team-specific titles of individual contributors, where the department's title does not fit.
IC_TITLES = {
    "ENG-SRE": "Site Reliability Engineer",
    "ENG-SEC": "Security Engineer",
    "ENG-QA": "QA Engineer",
    "ENG-DAT": "Data Engineer",
    "PRD-DES": "Product Designer",
    "PRD-DSY": "Design Systems Designer",
    "SAL-SDR": "Sales Development Representative",
    "CS-ONB": "Onboarding Specialist",
    "CS-AM": "Account Manager",
    "MKT-GRO": "Growth Marketer",
    "MKT-BRD": "Content Marketer",
    "MKT-PMM": "Product Marketing Manager",
    "FIN-ACC": "Accountant",
    "PPL-TA": "Recruiter",
    "OPS-IT": "IT Specialist",
    "OPS-WPL": "Workplace Coordinator",
    "OPS-LGL": "Legal Counsel",
}
LEVEL_PREFIX = {
    "IC1": "Associate ",
    "IC2": "",
    "IC3": "Senior ",
    "IC4": "Staff ",
    "IC5": "Principal ",
}

FIRST_NAMES = {
    "BER": (
        "Lukas",
        "Anna",
        "Jonas",
        "Lea",
        "Felix",
        "Marie",
        "Leon",
        "Sophie",
        "Paul",
        "Hannah",
        "Maximilian",
        "Laura",
        "Niklas",
        "Julia",
        "Tobias",
        "Katharina",
        "Moritz",
        "Lena",
        "Sebastian",
        "Clara",
        "Jan",
        "Miriam",
        "Florian",
        "Johanna",
        "Matthias",
        "Nele",
    ),
    "LON": (
        "Oliver",
        "Amelia",
        "Harry",
        "Isla",
        "George",
        "Ava",
        "Jack",
        "Emily",
        "Charlie",
        "Poppy",
        "Thomas",
        "Grace",
        "James",
        "Freya",
        "William",
        "Chloe",
        "Alfie",
        "Ruby",
        "Callum",
        "Imogen",
        "Priya",
        "Omar",
        "Aisha",
        "Kwame",
    ),
    "US": (
        "Michael",
        "Jessica",
        "David",
        "Ashley",
        "Chris",
        "Sarah",
        "Daniel",
        "Emily",
        "Ryan",
        "Megan",
        "Kevin",
        "Lauren",
        "Brian",
        "Rachel",
        "Jason",
        "Nicole",
        "Tyler",
        "Samantha",
        "Marcus",
        "Alicia",
        "Diego",
        "Carmen",
        "Andre",
        "Keisha",
        "Wei",
        "Mei",
        "Raj",
        "Hannah",
    ),
    "TOR": (
        "Liam",
        "Olivia",
        "Noah",
        "Charlotte",
        "Ethan",
        "Emma",
        "Lucas",
        "Chloe",
        "Owen",
        "Maya",
        "Nathan",
        "Zoe",
        "Gabriel",
        "Sofia",
        "Arjun",
        "Simran",
        "Mathieu",
        "Camille",
        "Jin",
        "Hana",
    ),
    "BLR": (
        "Aarav",
        "Ananya",
        "Vihaan",
        "Diya",
        "Arjun",
        "Saanvi",
        "Rohan",
        "Isha",
        "Karthik",
        "Meera",
        "Aditya",
        "Kavya",
        "Siddharth",
        "Pooja",
        "Rahul",
        "Nisha",
        "Varun",
        "Shreya",
        "Naveen",
        "Lakshmi",
        "Abhishek",
        "Divya",
    ),
}
LAST_NAMES = {
    "BER": (
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun",
        "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann",
    ),
    "LON": (
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Thomas",
        "Johnson", "Roberts", "Walker", "Wright", "Robinson", "Thompson", "Hughes", "Patel",
        "Khan", "Ahmed", "Clarke", "Mensah", "Okafor",
    ),
    "US": (
        "Johnson", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Jackson",
        "White", "Harris", "Martin", "Thompson", "Moore", "Clark", "Lewis", "Lee", "Walker",
        "Hall", "Allen", "Young", "Nguyen", "Chen", "Kim", "Reyes", "Brooks", "Foster",
    ),
    "TOR": (
        "Tremblay", "Roy", "Gagnon", "MacDonald", "Campbell", "Wong", "Singh", "Leblanc",
        "Côté", "Martin", "Li", "Bouchard", "Morrison", "Fraser", "Sharma", "Park", "Chan",
        "Bélanger",
    ),
    "BLR": (
        "Sharma", "Iyer", "Reddy", "Nair", "Rao", "Menon", "Gupta", "Kumar", "Pillai", "Shetty",
        "Krishnan", "Desai", "Kulkarni", "Bhat", "Hegde", "Joshi", "Agarwal", "Verma",
    ),
}  # fmt: skip
NAME_REGION = {"BER": "BER", "LON": "LON", "NYC": "US", "AUS": "US", "TOR": "TOR", "BLR": "BLR"}
