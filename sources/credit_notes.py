"""Credit notes written with positive amounts: an accounting export says so in its document type column.

SAP writes billing type "G2" (a credit memo; "S1" cancels an invoice), Xero "ACCRECCREDIT" / "Sales credit
note", Sage "SC", DATEV the credit side "H" (Haben), and many systems "Credit Note" in a "Document Type"
column, while the amount stays positive. Such a row's amount is made negative (and its quantity: the
units credited), so the credit nets with its invoice; a row already signed is left as written, and a
type this list does not know changes nothing. The unit price stays a price, so price times quantity is
still the line's (negative) value.
"""

from __future__ import annotations

import re
from typing import Final

import pandas as pd

from sources.folding import fold_word
from sources.values import map_unique

#: document types and debit/credit indicators that say a row is a credit, as whole cells (case and
#: accents aside)
CREDIT_TYPES: Final[frozenset[str]] = frozenset({
    # SAP: billing type G2 credit memo, S1 cancellation of an invoice; FI document type DG (credit memo)
    "g2", "s1", "dg",
    # Xero, Sage, QuickBooks, NetSuite
    "accreccredit", "sales credit note", "sales credit", "sc", "credit memo", "credit note", "custcred",
    # a debit/credit indicator's credit side: DATEV and SAP "H" (Haben), "Cr"
    "h", "haben", "cr", "credit",
    # generic and foreign
    "cn", "cm", "credit invoice", "creditnote", "credit nota", "gutschrift", "rechnungskorrektur", "avoir",
    "facture d'avoir", "note de credit", "nota de credito", "nota credito", "nota di credito", "abono",
    "factura rectificativa", "creditnota", "creditfactuur", "credit factuur", "storno", "stornorechnung",
    # Nordic, Central and Eastern Europe, Greece, Turkey
    "kreditnota", "kreditfaktura", "hyvityslasku", "hyvitys", "faktura korygujaca", "korekta faktury", "korekta",
    "dobropis", "opravny danovy doklad", "jovairas", "jovairo szamla", "helyesbito szamla", "sztorno szamla",
    "sztorno", "factura storno", "nota de creditare", "πιστωτικο", "πιστωτικο τιμολογιο", "πιστωτικο σημειωμα",
    "iade faturasi", "iade",
    # Mexico's CFDI type "Egreso"; Japan's red slip; China's red-letter invoice
    "egreso", "赤伝", "赤伝票", "红字发票", "紅字發票",
    # a Brazilian NF-e's nature of operation for a return ("Devolução de venda"), and Spanish returns
    "devolucao", "devolucao de venda", "devolucao de vendas", "devolucao de mercadoria", "devolucao de mercadorias",
    "devolucao de venda de mercadoria", "devolucion", "devolucion de venta", "devolucion de mercaderia",
})
#: document types that are no invoice: a quote, an estimate, an order, a pro forma, a draft or a delivery note in an
#: accounting export (QuickBooks' "Sales by Item Detail" lists estimates and sales orders beside invoices); whole
#: cells, case, accents and hyphens aside
NOT_INVOICE_TYPES: Final[frozenset[str]] = frozenset({
    "estimate", "quote", "quotation", "sales quote", "sales quotation", "sales order", "order", "purchase order",
    "pro forma", "pro forma invoice", "proforma", "proforma invoice", "draft", "draft invoice", "delivery note",
    "packing slip", "angebot", "auftrag", "auftragsbestatigung", "proformarechnung", "proforma rechnung",
    "lieferschein", "devis", "commande", "bon de commande", "facture proforma", "facture pro forma",
    "bon de livraison", "presupuesto", "cotizacion", "pedido", "pedido de venta", "factura proforma", "albaran",
    "orcamento", "cotacao", "pedido de venda", "fatura proforma", "preventivo", "offerta", "ordine",
    "fattura proforma", "offerte", "proforma factuur", "pakbon", "oferta", "zamowienie", "faktura proforma",
    "tilbud", "offert", "ordre", "ordrebekreftelse", "ordrebekraeftelse", "orderbekraftelse", "tarjous",
    "tilaus", "nabidka", "objednavka", "ajanlat", "megrendeles", "teklif", "siparis", "proforma fatura",
    "見積", "見積書", "注文書", "受注", "报价单", "订单", "形式发票",
})
#: the money and quantity fields a credit's sign is put on (the unit price keeps its sign: a price)
SIGNED_FIELDS: Final[tuple[str, ...]] = ("amount", "quantity")

_SPACES = re.compile(r"[\s_]+")


def _folded(value: object) -> str | None:
    """A document type cell without case and accents and with one space between words (None: no text)."""
    return _SPACES.sub(" ", fold_word(value)).strip() if isinstance(value, str) else None


def _is_credit(value: object) -> bool:
    """Whether a cell, `_folded`, is in `CREDIT_TYPES`."""
    return _folded(value) in CREDIT_TYPES


def credit_rows(types: pd.Series) -> pd.Series:
    """Which rows' document type names a credit (a whole cell of `CREDIT_TYPES`), looked up once per
    distinct type: a column of a million lines holds a handful."""
    return map_unique(types, _is_credit).astype(bool)


def not_invoices(typed: dict[str, pd.Series], header: str) -> tuple[pd.Series, str | None]:
    """The rows whose document type names no invoice (`NOT_INVOICE_TYPES`: an estimate, a sales order, a pro forma),
    and the warning naming them (None: none): they are no sales, so no lines of the warehouse."""
    types = typed.get("document_type")
    if types is None:
        return pd.Series(dtype=bool), None  # the caller reindexes: no row
    # hyphens aside too: "Pro-Forma"
    rows = map_unique(types, lambda v: _folded(v.replace("-", " ") if isinstance(v, str) else v)
                      in NOT_INVOICE_TYPES).astype(bool)
    if not rows.any():
        return rows, None
    kinds = sorted({str(v) for v in types[rows]})
    n = int(rows.sum())
    return rows, (f"document_type ('{header}'): {n} row{'s are' if n > 1 else ' is'} no invoice "
                  f"({', '.join(repr(k) for k in kinds[:4])}{' ...' if len(kinds) > 4 else ''}): left out of the "
                  "lines, counted with the total rows")


def _signed(typed: dict[str, pd.Series], index: pd.Index) -> pd.Series:
    """Rows whose amount, unit price or quantity is already written negative."""
    out = pd.Series(False, index=index)
    for fld in ("amount", "unit_price", "quantity"):
        if fld in typed:
            out |= typed[fld].reindex(index).lt(0).fillna(False).astype(bool)
    return out


def _make_negative(typed: dict[str, pd.Series], rows: pd.Series, fields: list[str]) -> None:
    """The positive values of `fields` on `rows` made negative, in place (a credit's amount and units)."""
    for fld in fields:
        values = typed[fld]
        flip = rows.reindex(values.index, fill_value=False) & values.gt(0).fillna(False).astype(bool)
        typed[fld] = values.where(~flip, -values)


def sign_credit_notes(typed: dict[str, pd.Series], header: str) -> str | None:
    """Make the positive amounts and quantities of the rows `typed["document_type"]` names credits
    negative, in place; a note naming the column and how many rows were read as credits, or None."""
    types = typed.get("document_type")
    if types is None:
        return None
    credits = credit_rows(types) & ~_signed(typed, types.index)
    present = [f for f in SIGNED_FIELDS if f in typed]
    if not credits.any() or not present:
        return None
    _make_negative(typed, credits, present)
    example = types[credits].iloc[0]
    n = int(credits.sum())
    return (f"document_type ('{header}'): {n} row{'s' if n > 1 else ''} read as credit notes (e.g. {example!r}): "
            f"their positive {' and '.join(present)} made negative, so each credit nets with its invoice")


#: words a returns table's header writes ("Qty Returned", "RMA No.", "Credit Amount" under "Return Date"), folded
RETURN_WORDS: Final[frozenset[str]] = frozenset({
    "return", "returns", "returned", "rma", "refund", "refunded", "retour", "retoure", "retouren", "rucksendung",
    "devolucion", "devoluciones", "devolucao", "reso", "resi", "restituzione", "retur", "returer",
})
_WORD = re.compile(r"[^\W\d_]+")


#: the fields whose header says a table's lines are returns: its quantity, amount, date or document number
RETURN_FIELDS: Final[frozenset[str]] = frozenset({"quantity", "amount", "invoice_date", "invoice_number"})


def returns_header(header_of: dict[str, str]) -> str | None:
    """The header of a line's quantity, amount, date or number that names returns ("Qty Returned", "Return Date",
    "RMA No."), or None: a sales table's other columns ("Qty Returned" beside the quantity sold) say nothing."""
    for fld, h in header_of.items():
        if fld in RETURN_FIELDS and h and any(fold_word(w) in RETURN_WORDS for w in _WORD.findall(h)):
            return h
    return None


def sign_returns(typed: dict[str, pd.Series], header_of: dict[str, str]) -> str | None:
    """A table of returns (the header of its quantity, amount, date or number says so, and no document type column
    says otherwise) written with positive amounts and units: made negative in place, so each return nets with its
    sale; a note, or None."""
    said = returns_header(header_of)
    present = [f for f in SIGNED_FIELDS if f in typed]
    if said is None or "document_type" in typed or not present:
        return None
    index = typed[present[0]].index
    unsigned = ~_signed(typed, index)
    if not unsigned.any():
        return None
    _make_negative(typed, unsigned, present)
    n = int(unsigned.sum())
    return (f"the header names returns ({said!r}): its {n} line{'s' if n > 1 else ''} with positive "
            f"{' and '.join(present)} read as credits (made negative), so each return nets with its sale")
