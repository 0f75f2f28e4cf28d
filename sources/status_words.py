"""Words a status column holds ("Active", "Vencido", "Abgelaufen", "En renovación"), in the languages exports come
in, folded (lower case, no accents): a column of them is a record's status, never a state or a region, whatever
its header says (Spanish and Portuguese "Estado" is both)."""

from __future__ import annotations

from typing import Final

STATUS_WORDS: Final[frozenset[str]] = frozenset({
    # English
    "active", "inactive", "expired", "expiring", "cancelled", "canceled", "terminated", "pending", "renewed",
    "renewal", "renewing", "closed", "won", "lost", "lapsed", "suspended", "draft", "signed", "quoted", "ended",
    "void", "approved", "rejected", "overdue", "ongoing",
    # a CRM's forecast categories ("Commit", "Best Case", "Pipeline", "Omitted"): where a deal stands
    "commit", "committed", "forecast", "upside", "pipeline", "omitted",
    # Spanish and Portuguese
    "activo", "activa", "ativo", "ativa", "inactivo", "inactiva", "inativo", "inativa", "vencido", "vencida",
    "caducado", "caducada", "expirado", "expirada", "cancelado", "cancelada", "anulado", "anulada", "pendiente",
    "pendente", "renovado", "renovada", "renovacion", "renovacao", "abierto", "abierta", "aberto", "aberta",
    "cerrado", "cerrada", "fechado", "fechada", "ganado", "ganada", "ganho", "perdido", "perdida", "vigente",
    "suspendido", "suspenso", "borrador", "rascunho", "firmado", "assinado",
    # French
    "actif", "inactif", "expire", "expiree", "echu", "echue", "resilie", "resiliee", "annule", "annulee", "attente",
    "renouvele", "renouvelee", "renouvellement", "ouvert", "ouverte", "ferme", "fermee", "gagne", "perdu", "suspendu",
    "brouillon",
    # German, Dutch, the Nordic languages, Italian, Polish
    "aktiv", "inaktiv", "abgelaufen", "gekundigt", "storniert", "geschlossen", "gewonnen", "verloren", "verlangert",
    "ausstehend", "laufend", "beendet", "entwurf", "actief", "inactief", "verlopen", "geannuleerd", "opgezegd",
    "verlengd", "gesloten", "lopend", "utgatt", "utgangen", "avslutad", "avsluttet", "forlangd", "fornyet",
    "attivo", "attiva", "inattivo", "scaduto", "scaduta", "annullato", "disdetto", "rinnovato", "chiuso", "vinto",
    "perso", "sospeso", "aktywny", "aktywna", "wygasly", "wygasla", "anulowany", "odnowiony", "zamkniety",
    "otwarta", "otwarty", "wygrana", "wygrany", "przegrana", "przegrany", "odnowiona", "odnowione", "rezygnacja",
    # Finnish, Hungarian, Czech and Slovak, Turkish, Greek
    "avoin", "voitettu", "havitty", "uusittu", "aktiivinen", "paattynyt", "peruttu", "lejart", "nyitott",
    "megujitva", "megujitott", "elvesztett", "megnyert", "aktivni", "otevreno", "ukonceno", "obnoveno", "prodlouzeno",
    "ztraceno", "vyhrano", "aktif", "acik", "kapandi", "yenilendi", "kazanildi", "kaybedildi", "ενεργο", "ληγμενο",
})  # fmt: skip
