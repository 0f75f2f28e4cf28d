"""The columns of every list sheet of the opportunity workbooks, and the fields a partner never sees."""

from __future__ import annotations

from reports.sheets import Column

#: internal to the vendor: left out of reseller workbooks unless reports.partner_internal_fields
INTERNAL_FIELDS: frozenset[str] = frozenset({"win_probability", "weighted_value", "vendor_share", "rep"})

#: who to call: name, phone and e-mail one a line; wide enough that an address of 35 characters is not cut
CONTACT_WIDTH = 36

_WORK = (  # what a rep fills in: blank in every file
    Column("Status", "status", width=10),
    Column("Next step", "next_step", width=20),
)
RENEWAL_COLUMNS: tuple[Column, ...] = (
    Column("Prio", "priority", "int", 6),
    Column("Action date", "action_date", "date", 10.5),
    Column("Since last run", "since_last_run", width=8),
    Column("Kind", "kind_label", width=10),
    Column("Customer", "customer_name", width=24),
    Column("Contact", "contact", width=CONTACT_WIDTH),
    Column("Reseller", "reseller_name", width=18),
    Column("Rep", "rep", width=12),
    Column("Contract", "contract_number", width=11),
    Column("SKU", "sku", width=12),
    Column("Level", "service_level", width=6.5),
    Column("Expiry", "expiry_date", "date", 10.5),
    Column("Assets", "asset_count", "int", 7.5),
    Column("Value", "value", "money", 11, total=True),
    Column("Win %", "win_probability", "pct", 6),
    Column("Weighted value", "weighted_value", "money", 11, total=True),
    *_WORK,
    Column("How the value was computed", "basis", width=42),
)
GAP_COLUMNS: tuple[Column, ...] = (
    Column("Prio", "priority", "int", 6),
    Column("Action date", "action_date", "date", 10.5),
    Column("Since last run", "since_last_run", width=8),
    Column("Customer", "customer_name", width=24),
    Column("Contact", "contact", width=CONTACT_WIDTH),
    Column("Reseller", "reseller_name", width=18),
    Column("Rep", "rep", width=12),
    Column("SKU", "sku", width=13),
    Column("Assets", "asset_count", "int", 7.5),
    Column("Serial numbers", "serials", width=16),
    Column("Uncovered since", "expiry_date", "date", 10.5),
    Column("Value a year", "value", "money", 11, total=True),
    Column("Win %", "win_probability", "pct", 6),
    Column("Weighted value", "weighted_value", "money", 11, total=True),
    *_WORK,
    Column("How the value was computed", "basis", width=42),
)
COTERM_COLUMNS: tuple[Column, ...] = (
    Column("Action date", "action_date", "date", 10.5),
    Column("Co-term date", "expiry_date", "date", 10.5),
    Column("Customer", "customer_name", width=24),
    Column("Contact", "contact", width=CONTACT_WIDTH),
    Column("Reseller", "reseller_name", width=18),
    Column("Rep", "rep", width=12),
    Column("Contracts folded", "contract_number", width=12),
    Column("Assets", "asset_count", "int", 7.5),
    Column("Value", "value", "money", 11, total=True),
    Column("Win %", "win_probability", "pct", 6),
    Column("Weighted value", "weighted_value", "money", 11, total=True),
    *_WORK,
    Column("How the value was computed", "basis", width=60),
)
INSTALLED_BASE_COLUMNS: tuple[Column, ...] = (
    Column("Customer", "customer_name", width=26),
    Column("Contact", "contact", width=CONTACT_WIDTH),
    Column("Reseller", "reseller_name", width=20),
    Column("Rep", "rep", width=12),
    Column("SKU", "sku", width=14),
    Column("Assets", "assets", "int", 7.5),
    Column("Serial numbers (first three)", "serials", width=24),
    Column("Shipped", "ship_date", "date", 10.5),
    Column("Covered until", "covered_until", "date", 10.5),
    Column("Years out", "years_uncovered", "int", 8),
    Column("Value a year if covered", "value_if_covered", "money", 12, total=True),
    *_WORK,
)
CHANGE_COLUMNS: tuple[Column, ...] = (
    Column("Change", "change", width=12),
    Column("Kind", "kind_label", width=13),
    Column("Customer", "customer_name", width=26),
    Column("Contract", "contract_number", width=12),
    Column("SKU", "sku", width=13),
    Column("Reseller", "reseller_name", width=20),
    Column("Rep", "rep", width=12),
    Column("Previous value", "previous_value", "money", 12),
    Column("Value now", "value", "money", 12),
    Column("Why", "reason", width=46),
)
MISSED_COLUMNS: tuple[Column, ...] = (
    Column("Ended", "end_date", "date", 11),
    Column("Days ago", "days_since_end", "int", 8),
    Column("Contract", "contract_number", width=12),
    Column("Customer", "customer_name", width=30),
    Column("Reseller", "reseller_name", width=26),
    Column("Rep", "rep", width=15),
    Column("Level", "service_level", width=7),
    Column("Annual value", "value", "money", 13, total=True),
    Column("Win-back listed", "winback", width=10),
)
