"""The product catalogue: hardware, variants, software, families, service levels and serial prefixes."""

from __future__ import annotations

from typing import Final

#: hardware: sku, family, description, list price
HARDWARE: Final[tuple[tuple[str, str, str, float], ...]] = (
    ("SRV-R640-A", "SRV", "1U rack server, 2x Xeon Silver", 8900.0),
    ("SRV-R740-B", "SRV", "2U rack server, 2x Xeon Gold", 12500.0),
    ("SRV-R750-XL", "SRV", "2U rack server, high memory", 18400.0),
    ("SRV-T440-S", "SRV", "Tower server, single socket", 4200.0),
    ("SRV-R7525-C", "SRV", "2U rack server, 2x EPYC", 15800.0),
    ("SW-C9300-48P", "SW", "48-port PoE+ access switch", 9800.0),
    ("SW-C9200-24T", "SW", "24-port access switch", 3400.0),
    ("SW-N9K-93180", "SW", "Data-centre leaf switch 48x25G", 21500.0),
    ("SW-C9500-32C", "SW", "Core switch 32x100G", 38000.0),
    ("STO-ME5024", "STO", "Storage array, 24 bays", 16500.0),
    ("STO-PS6210", "STO", "Hybrid storage array", 27000.0),
    ("STO-NX3240", "STO", "NAS appliance", 9200.0),
    ("RTR-ISR4431", "RTR", "Branch router", 7600.0),
    ("RTR-ASR1001-X", "RTR", "Edge router", 14900.0),
    ("FW-ASA5516", "FW", "Firewall appliance", 5200.0),
    ("FW-FPR2130", "FW", "Next-generation firewall", 11800.0),
    ("AP-C9120AX", "AP", "Wi-Fi 6 access point", 1250.0),
    ("AP-C9130AX", "AP", "Wi-Fi 6 access point, high density", 1650.0),
)
#: variant sku -> (base sku, description suffix)
HARDWARE_VARIANTS: Final[tuple[tuple[str, str, str], ...]] = (
    ("SRV-R740-B=", "SRV-R740-B", " (spare)"),
    ("SW-C9300-48P-EU", "SW-C9300-48P", ", EU power"),
    ("SW-C9300-48P-UK", "SW-C9300-48P", ", UK power"),
    ("AP-C9120AX-EU", "AP-C9120AX", ", EU regulatory domain"),
)
SOFTWARE: Final[tuple[tuple[str, str, float], ...]] = (
    ("SWL-DNA-ADV-3Y", "DNA Advantage licence, 3 years", 2400.0),
    ("SWL-VMW-ENT-1Y", "Virtualisation Enterprise licence, 1 year", 3800.0),
    ("SWL-SEC-THREAT-1Y", "Threat defence subscription, 1 year", 1500.0),
    ("SWL-MGMT-BASE", "Management suite, perpetual", 600.0),
)
FAMILY_NAMES: Final[dict[str, str]] = {
    "SRV": "servers",
    "SW": "switches",
    "STO": "storage",
    "RTR": "routers",
    "FW": "firewalls",
    "AP": "access points",
}
FAMILY_NAMES_DE: Final[dict[str, str]] = {
    "SRV": "Server",
    "SW": "Switches",
    "STO": "Speichersysteme",
    "RTR": "Router",
    "FW": "Firewalls",
    "AP": "WLAN-Zugangspunkte",
}
#: service level -> (sku code, written level, % of hardware list per year, description, German)
SERVICE_LEVELS: Final[tuple[tuple[str, str, float, str, str], ...]] = (
    ("NBD", "NBD", 0.08, "Support next business day onsite", "Vor-Ort-Service nächster Arbeitstag"),
    (
        "4HR",
        "4HR",
        0.12,
        "Support 4-hour onsite response",
        "Vor-Ort-Service 4 Stunden Reaktionszeit",
    ),
    (
        "24X7",
        "24x7",
        0.15,
        "Support 24x7 with 4-hour response",
        "Rund-um-die-Uhr-Service 24x7, Ersatzteil",
    ),
)
#: how a service level may be written in CRM
LEVEL_SPELLINGS: Final[dict[str, tuple[str, ...]]] = {
    "NBD": ("NBD", "Next Business Day", "NBD Onsite"),
    "4HR": ("4HR", "4-Hour Onsite", "4 hr"),
    "24x7": ("24x7", "24x7x4", "24/7"),
}
#: serial prefixes per hardware family (numeric serials for storage and some servers)
SERIAL_PREFIXES: Final[dict[str, tuple[str, ...]]] = {
    "SRV": ("FCW", "FOC"),
    "SW": ("JAE", "FDO"),
    "RTR": ("FGL", "JMX"),
    "FW": ("JAD", "KWP"),
    "AP": ("FJC", "LDQ"),
    "STO": ("CAT",),
}
