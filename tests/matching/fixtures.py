"""Small hand-made customer records for the matching tests (with the true company of each)."""

from __future__ import annotations

import pandas as pd

#: background companies: (name, address, city, state, zip, phone)
BACKGROUND = [
    ("Kavoteq Health Systems Inc", "12 Oak Street", "Austin", "TX", "73301", "512-555-0101"),
    ("Summit Dental Group LLC", "400 Pine Ave", "Portland", "OR", "97201", "503-555-0102"),
    ("Lorbrook Analytics Corp", "77 Lake Rd", "Madison", "WI", "53703", "608-555-0103"),
    ("Greenfield Foods Co.", "5 Mill Lane", "Omaha", "NE", "68102", "402-555-0104"),
    ("Bellhaven Insurance Ltd", "900 Market St", "Denver", "CO", "80202", "303-555-0105"),
    ("Orion Media Partners", "31 River Dr", "Tampa", "FL", "33602", "813-555-0106"),
    ("Corwick Engineering Inc.", "8 Bridge St", "Albany", "NY", "12207", "518-555-0107"),
    ("Falcrest Logistics LLC", "250 Harbor Blvd", "Oakland", "CA", "94607", "510-555-0108"),
    ("Dorridge Energy Corp", "19 Elm Ct", "Tulsa", "OK", "74103", "918-555-0109"),
    ("Marfield Pharmaceuticals Inc", "66 Main St", "Trenton", "NJ", "08608", "609-555-0110"),
    ("Jorvale Security Services", "3 Park Pl", "Reno", "NV", "89501", "775-555-0111"),
    ("Halmere Capital Advisors", "1200 Broad St", "Newark", "NJ", "07102", "973-555-0112"),
]


def customer_records() -> tuple[pd.DataFrame, pd.Series]:
    """Records of the issue's example plus typos, siblings and background companies.

    Returns (records, truth) where truth maps record_id -> company label.
    """
    rows: list[dict[str, object]] = []

    def add(company: str, **fields: object) -> None:
        rows.append({"record_id": f"r{len(rows):03d}", "company": company, **fields})

    # Northbridge Capital Corp (Boston): distributor, CRM, rep tracker, accounting
    add(
        "northbridge",
        name="NORTHBRIDGE CAPITAL CORP",
        city="BOSTON",
        state="MA",
        postal_code="2110",
        serials=["FCW2231X0AB"],
        source="dist_a",
        source_priority=3,
    )
    add(
        "northbridge",
        name="Northbridge Capital Corporation",
        address="100 Main Street, Suite 400",
        city="Boston",
        state="Massachusetts",
        postal_code="02110",
        phone="(617) 555-0100",
        domain="https://www.northbridgecapital.com",
        account="ACC-001",
        source="crm",
        source_priority=1,
    )
    add(
        "northbridge",
        name="Nrthbridge Capital",
        serials=["S/N: fcw-2231-x0ab"],
        contract_numbers=["SC-1000001"],
        source="tracker",
        source_priority=4,
    )
    add(
        "northbridge",
        name="Northbridge Capital Corp (AP Dept)",
        address="100 Main St Ste 400",
        city="Boston",
        state="MA",
        postal_code="02110",
        source="accounting",
        source_priority=2,
    )
    add(
        "northbridge",
        name="Northbridge Capital Corp",
        account="ACC-001",
        contract_numbers=["SC1000001"],
        source="crm_contracts",
        source_priority=1,
    )
    # the sibling in another city: a different customer
    add(
        "northbridge_labs",
        name="Northbridge Capital Labs LLC",
        address="9 Elm Street",
        city="Denver",
        state="CO",
        postal_code="80202",
        phone="303-555-0199",
        domain="northbridgelabs.com",
        account="ACC-002",
        source="crm",
        source_priority=1,
    )
    add(
        "northbridge_labs",
        name="NORTHBRIDGE CAPITAL LABS LLC",
        city="DENVER",
        state="CO",
        postal_code="80202",
        serials=["JAE1234567Z"],
        source="dist_a",
        source_priority=3,
    )
    add(
        "northbridge_labs",
        name="Northbridge Capital Labs",
        city="Denver",
        serials=["JAE1234567Z"],
        source="tracker",
        source_priority=4,
    )
    # typos and abbreviations of one company
    add(
        "acme",
        name="Acme Manufacturing Co.",
        address="55 Industrial Pkwy",
        city="Dayton",
        state="OH",
        postal_code="45402",
        phone="937-555-0120",
        source="crm",
        source_priority=1,
        account="ACC-003",
    )
    add(
        "acme",
        name="ACME MFG CO",
        city="DAYTON",
        state="OH",
        postal_code="45402",
        source="dist_a",
        source_priority=3,
    )
    add("acme", name="Acme Manufactring", city="Dayton", source="tracker", source_priority=4)
    # a CRM account id shared with a totally different name: suspicious, not a match
    add(
        "quillon",
        name="Quillon Robotics Inc",
        address="4 Gear Rd",
        city="Akron",
        state="OH",
        postal_code="44308",
        account="ACC-900",
        source="crm",
        source_priority=1,
    )
    add(
        "zentrix",
        name="Zentrix Aerospace",
        city="Wichita",
        state="KS",
        account="ACC-900",
        source="crm_contracts",
        source_priority=1,
    )
    for i, (name, address, city, state, zip_code, phone) in enumerate(BACKGROUND):
        company = f"bg{i}"
        add(
            company,
            name=name,
            address=address,
            city=city,
            state=state,
            postal_code=zip_code,
            phone=phone,
            account=f"ACC-1{i:02d}",
            source="crm",
            source_priority=1,
        )
        add(
            company,
            name=name.upper(),
            city=city.upper(),
            state=state,
            postal_code=zip_code,
            source="dist_a",
            source_priority=3,
        )
    records = pd.DataFrame(rows)
    truth = pd.Series(records["company"].to_numpy(), index=records["record_id"].to_numpy())
    return records.drop(columns=["company"]), truth


def cluster_of(resolution_records: pd.DataFrame) -> pd.Series:
    """record_id -> cluster_id of a Resolution's records."""
    return resolution_records.set_index("record_id")["cluster_id"]
