"""People and partners of the channel (reps, resellers, lessors, distributors) and the text they write."""

from __future__ import annotations

from typing import Final

#: sales reps (first names are unique and none is a prefix of another)
REP_NAMES: Final[tuple[str, ...]] = (
    "Alice Moreno",
    "Brian Okafor",
    "Carmen Liu",
    "Derek Hollis",
    "Elena Petrova",
    "Farid Nakamura",
    "Grace Whitfield",
    "Hector Ruiz",
)
#: the vendor's channel managers (named on partners, not in trackers)
CHANNEL_REPS: Final[tuple[str, ...]] = ("Priya Raman", "Tom Becker", "Lucia Ferraro", "Sam Adeyemi")

RESELLER_TAILS: Final[tuple[str, ...]] = (
    "Technology Partners",
    "IT Solutions",
    "Networks",
    "Systems Integration",
    "Computer Services",
    "Data Systems",
    "Technology Group",
    "Infrastructure",
    "Digital",
    "IT Services",
)
RESELLER_STEMS: Final[tuple[str, ...]] = (
    "BlueRiver",
    "Cloudpoint",
    "Datacove",
    "Ironbridge",
    "Keyline",
    "Netsmith",
    "Bytecraft",
    "Clearpath",
    "Corelink",
    "Fastlane",
    "Greenlight",
    "Highwire",
    "Logicworks",
    "Nexgen",
    "Omnitek",
    "Packetwise",
    "Rackhouse",
    "Serverline",
    "Signalpoint",
    "Techbridge",
    "Trustedge",
    "Upstream",
    "Wirestone",
    "Zentrix",
    "Alphanet",
    "Brightbyte",
    "Circuitry",
    "Edgeworks",
    "Gridpoint",
    "Hyperlane",
    "Infocore",
    "Lanmark",
    "Microvast",
    "Northwire",
    "Opticom",
    "Primelogic",
    "Quickserve",
    "Silicon Harbor",
    "Tekmasters",
    "Vireo",
)
LEASING: Final[tuple[str, ...]] = (
    "Keystone Equipment Finance LLC",
    "Meridian Leasing Corp",
    "BrightPath Capital Leasing Inc.",
    "Atlas Technology Finance Ltd",
)
#: distributor key -> legal name (the source names are fixed: westbridge, eurolink, summit, pacific)
DISTRIBUTORS: Final[tuple[tuple[str, str], ...]] = (
    ("westbridge", "Westbridge Distribution Inc."),
    ("eurolink", "EuroLink Trading GmbH"),
    ("summit", "Summit Channel Supply LLC"),
    ("pacific", "Pacific Supply Co."),
)

#: free-text notes reps leave in their trackers
TRACKER_NOTES: Final[tuple[str, ...]] = (
    "",
    "",
    "",
    "quote sent",
    "PO expected next month",
    "customer evaluating",
    "call back",
    "lapsed - chase!!",
    "waiting on budget",
    "renewed?",
    "co-term with other contract",
    "talk to reseller",
    "price increase pushback",
)
#: the prose of the Pacific Supply workbook's "Read me" sheet
README_PROSE: Final[tuple[str, ...]] = (
    "This workbook is produced monthly by Pacific Supply Co. for its vendors.",
    "Each tab lists the sell-through of one month: reseller, end customer, products and serial numbers.",
    "Serial numbers of multi-unit lines are listed one per line inside the cell.",
    "Figures are in USD and exclude tax and freight.",
    "Questions: vendor-reporting@pacificsupply.example",
)
