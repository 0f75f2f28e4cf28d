"""Who a source row's bill-to and partners are: the customer itself, or a reseller, distributor
or leasing company. Pure rules over the mention frames that warehouse/sql/resolve/ extracts.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from matching.names import normalise_company_names

#: a bill-to this similar to the same row's customer is the customer itself, not a partner
BILL_TO_SELF_SIMILARITY = 90.0
#: a name this long that is a prefix-like part of the other is a truncated form of it
TRUNCATED_NAME_MIN = 12
#: partner roles a CRM account type can state outright
CRM_ROLES = ("leasing", "distributor")
#: words of a name that says it sells IT ("Albion IT Ltd", "Nordic Systems AB", "Informatique Services SA"),
#: and of one that says it finances ("Grenke Leasing", "Siemens Financial Services", "BNP Paribas Lease Group")
_IT_WORDS = (r"it|ict|edv|systems?|systemhaus|solutions?|networks?|networking|computers?|computing|technology"
             r"|technologies|tech|data|datacenter|digital|software|informatique|informatica|informatik|telecom"
             r"|telekom|telecoms|cloud|infrastructure|integration|integrator|microsystems|infotech|netzwerk"
             r"|bilgisayar|bilisim|informacion|teknologi|sistem|sistemas|sistemi|systemer|systemen")
_FINANCE_WORDS = (r"leas\w*|lease|finance|financial|financing|capital|credit|bank\w*|banque|banca|banco|rent"
                  r"|rental|rentals|renting|funding|factoring|finanz\w*|finans\w*|arrend\w*|locazione|noleggio"
                  r"|locacao|locadora|mietkauf|lizing\w*")
_IT_NAME = re.compile(rf"(?i)(?<![^\W\d_])(?:{_IT_WORDS})(?![^\W\d_])")
_FINANCE_NAME = re.compile(rf"(?i)(?<![^\W\d_])(?:{_FINANCE_WORDS})(?![^\W\d_])")


def bill_to_self(mentions: pd.DataFrame, by_account: set[str]) -> pd.Series:
    """Bill-to mentions that name the row's own customer (direct deals), as a mask over `mentions`.

    Either the bill-to account is one of the customer's accounts (`by_account`: record ids), or
    the names agree after normalisation; partial_ratio covers exports that truncate names.
    """
    bill = mentions[mentions["named_as"] == "bill_to"]
    if bill.empty:
        return pd.Series(False, index=mentions.index)
    # a bill-to and its customer repeat on every line of a deal: each distinct pair is compared once
    pair = bill.groupby(["name", "customer_name"], dropna=False, sort=False).ngroup().to_numpy()
    first = pd.Series(np.arange(len(pair))).groupby(pair).min().to_numpy()
    left = normalise_company_names(bill["name"].iloc[first]).fillna("")
    right = normalise_company_names(bill["customer_name"].iloc[first]).fillna("")
    whole = cpdist(left.tolist(), right.tolist(), scorer=fuzz.token_sort_ratio, workers=-1)
    part = cpdist(left.tolist(), right.tolist(), scorer=fuzz.partial_ratio, workers=-1)
    shortest = np.minimum(left.str.len().to_numpy(), right.str.len().to_numpy())
    similar = ((whole >= BILL_TO_SELF_SIMILARITY) | ((part >= 97) & (shortest >= TRUNCATED_NAME_MIN)))[pair]
    named = (left.to_numpy() != "")[pair]
    same_account = (
        (bill["account"].notna() & (bill["account"] == bill["customer_account"])) | bill["record_id"].isin(by_account)
    )
    self_ = pd.Series(similar & named, index=bill.index) | same_account
    return self_.reindex(mentions.index, fill_value=False)


def partner_roles(mentions: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """entity_id, role: the CRM's account type first; else distributor; else reseller if ever named
    one; else service_org when named as a service provider; else reseller when in a partner
    program; else, for a party only ever invoiced, reseller when its name says it sells IT and not
    that it finances, else leasing. `mapping` is mention record_id -> entity_id."""
    joined = mentions[["mention_id", "named_as", "role_hint", "name"]].merge(
        mapping.rename(columns={"record_id": "mention_id"}), on="mention_id")
    named = joined["named_as"]
    flags = pd.DataFrame({"entity_id": joined["entity_id"], "resold": named.isin(["reseller", "account"]),
                          "provider": named == "service_provider", "program": named == "program",
                          "distributor": named == "distributor", "it_name": it_named(joined["name"])})
    hints = flags.groupby("entity_id").any()
    crm = joined[joined["role_hint"].isin(CRM_ROLES)].groupby("entity_id")["role_hint"].first()
    hints.insert(0, "crm", crm.reindex(hints.index).astype(object))  # the first CRM role each was given
    return roles_from_hints(hints)


def roles_from_hints(hints: pd.DataFrame) -> pd.DataFrame:
    """entity_id, role from each entity's hints (indexed by entity id): its first CRM role (`crm`, or
    missing) and whether it was ever named `distributor`, `resold`, as a service `provider`, in a `program`."""
    it_name = hints.get("it_name", False)
    role = np.where(hints["crm"].notna(), hints["crm"],
                    np.where(hints["distributor"], "distributor",
                             np.where(hints["resold"], "reseller",
                                      np.where(hints["provider"], "service_org",
                                               np.where(hints["program"] | it_name, "reseller", "leasing")))))
    return pd.DataFrame({"entity_id": hints.index, "role": role})


def it_named(names: pd.Series) -> pd.Series:
    """Whether each name says its company sells IT and not that it finances (`_IT_NAME`, `_FINANCE_NAME`):
    the one hint left for a party seen only as the invoiced one. Each distinct name is read once."""
    text = names.astype(object).where(names.notna(), "").astype(str)
    distinct = pd.Series(text.unique())
    flag = distinct.str.contains(_IT_NAME) & ~distinct.str.contains(_FINANCE_NAME)
    return text.map(dict(zip(distinct, flag, strict=True))).astype(bool)
