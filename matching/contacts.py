"""Domain, e-mail and phone normalisation (vectorised over distinct values).

A company's web domain is one of the strongest identifiers a CRM or distributor row carries, so
websites ("https://www.Foo.com/contact") and e-mail addresses ("bob@foo.com") both reduce to the
registrable domain ("foo.com"); free-mail providers (gmail.com, ...) say nothing about the
company and become null. Phones keep digits only, lose extensions and the US country code, and
also yield their last seven digits so a number written without its area code still compares.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from matching.text import as_text, blank_to_null, extract, on_unique

FREE_MAIL_DOMAINS: Final[frozenset[str]] = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "ymail.com",
        "rocketmail.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "mail.com",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "web.de",
        "protonmail.com",
        "proton.me",
        "yandex.com",
        "yandex.ru",
        "zoho.com",
        "comcast.net",
        "sbcglobal.net",
        "att.net",
        "verizon.net",
        "bellsouth.net",
        "cox.net",
        "charter.net",
        "earthlink.net",
        "juno.com",
        "hotmail.co.uk",
        "yahoo.co.uk",
        "btinternet.com",
        "qq.com",
        "163.com",
        "example.com",
    }
)
#: second-level labels under which registrations happen one level deeper ("foo.co.uk")
_SECOND_LEVEL = "co|com|org|net|gov|ac|edu|ltd|plc|ne|or|gob|gv"
_DOMAIN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"
_REGISTRABLE = (
    rf"(?P<reg>(?:[a-z0-9-]+\.(?:{_SECOND_LEVEL})\.[a-z]{{2}})|(?:[a-z0-9-]+\.[a-z]{{2,}}))$"
)


def _domain_of_host(hosts: pd.Series) -> pd.Series:
    """Registrable domain of host names (last two labels, three under "co.uk"-style suffixes)."""
    valid = hosts.str.fullmatch(_DOMAIN).fillna(False)
    reg = extract(hosts, _REGISTRABLE)["reg"]
    out = reg.where(valid & reg.notna())
    return out.where(~out.isin(FREE_MAIL_DOMAINS))


def normalise_domains(websites: pd.Series) -> pd.Series:
    """Registrable, non-free-mail domains of website cells ("Yes", "n/a" and junk -> None)."""

    def _distinct(u: pd.Series) -> pd.Series:
        s = u.str.strip().str.lower()
        s = s.str.replace("^[a-z][a-z0-9+.-]*://", "", regex=True)  # scheme
        s = s.str.replace("^[^/@]*@", "", regex=True)  # user@ or an e-mail typed as website
        s = s.str.replace("[/?#:].*$", "", regex=True)  # path, query, port
        s = s.str.replace("^www[0-9]*\\.", "", regex=True).str.strip(".")
        return _domain_of_host(s)

    return on_unique(as_text(websites), _distinct)


def normalise_emails(emails: pd.Series) -> pd.Series:
    """Lower-case e-mail addresses that look like one ("mailto:" dropped); others -> None."""

    def _distinct(u: pd.Series) -> pd.Series:
        s = u.str.strip().str.lower().str.replace("^mailto:", "", regex=True)
        return s.where(s.str.fullmatch(rf"[^@ ]+@{_DOMAIN}").fillna(False))

    return on_unique(as_text(emails), _distinct)


def email_domains(emails: pd.Series) -> pd.Series:
    """Registrable, non-free-mail domain of already normalised e-mail addresses."""
    return on_unique(emails, lambda u: _domain_of_host(u.str.replace("^.*@", "", regex=True)))


def normalise_phones(phones: pd.Series) -> pd.DataFrame:
    """Columns `phone` (digits; US numbers as ten digits) and `phone_local` (last seven digits).

    Extensions ("x123", "ext. 45") are dropped, as is a leading US country code ("+1", "1-").
    Fewer than seven digits is not a phone number (both columns null).
    """

    def _distinct(u: pd.Series) -> pd.Series:
        s = u.str.lower().str.replace(r"(?:ext|extension|x|#)\.? *[0-9]{1,6} *$", "", regex=True)
        international = s.str.strip().str.match(r"(?:\+|00)[2-9]").fillna(False)
        d = s.str.replace("[^0-9]", "", regex=True)
        d = d.where(international, d.str.replace("^1([0-9]{10})$", r"\1", regex=True))
        d = d.where(~international, d.str.replace("^00", "", regex=True))
        return blank_to_null(d.where(d.str.len() >= 7, ""))

    digits = on_unique(as_text(phones), _distinct)
    local = on_unique(digits, lambda u: u.str.slice(-7))
    return pd.DataFrame({"phone": digits, "phone_local": local}, index=phones.index)
