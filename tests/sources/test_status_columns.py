"""A column of statuses is a status whatever its header says: Spanish and Portuguese "Estado" names both a state
and a status, and a Zoho contracts export's "Activo" / "Vencido" / "Cancelado" were stored as the customer's state
(the contract status lost). Files written here and read as the night reads them."""

from __future__ import annotations

from pathlib import Path

from tests.sources.hostile import read, src

HEADER = "Nº de contrato,Nombre de Cuenta,Producto,Fecha de inicio,Fecha de finalización,Importe,Moneda,Estado\n"


def test_estado_holding_statuses_is_the_status(tmp_path: Path) -> None:
    rows = ["CTR-1,Transportes García S.L.,H2YU3E,17/08/2025,16/08/2028,\"1.126,21\",EUR,Activo",
            "CTR-2,Ayuntamiento de Getafe,5WS7A01512,26/09/2025,25/09/2028,\"2.583,44\",EUR,Vencido",
            "CTR-3,Colegio Santa María,H7J34A3,11/06/2025,10/06/2028,\"12.080,35\",EUR,Cancelado",
            "CTR-4,Hotel Playa Dorada S.L.,PS-NBD-3Y,01/02/2026,31/01/2029,\"3.208,39\",EUR,En renovación",
            "CTR-5,Bodegas Arienzo S.A.,H7J34A3,05/05/2026,04/05/2029,\"4.377,67\",EUR,Activo",
            "CTR-6,Universidad Comillas,CON-SNT,25/10/2025,24/10/2026,\"513,46\",EUR,Activo"]
    out = read(tmp_path, "contratos.csv", HEADER + "\n".join(rows) + "\n", src("crm_contracts"))
    assert out.status == "loaded"
    assert list(out.records["status"]) == ["Activo", "Vencido", "Cancelado", "En renovación", "Activo", "Activo"]
    assert "customer_state" not in out.records or out.records["customer_state"].isna().all()


def test_estado_holding_states_is_the_state(tmp_path: Path) -> None:
    header = "Nº de cliente,Cliente,Ciudad,Estado,País\n"
    rows = ["C-1,Grupo Bimbo S.A.B. de C.V.,Guadalajara,Jalisco,México", "C-2,Cemex S.A.B. de C.V.,Monterrey,Nuevo León,México",
            "C-3,Femsa,Monterrey,Nuevo León,México", "C-4,Bachoco,Celaya,Guanajuato,México",
            "C-5,Liverpool,Ciudad de México,Ciudad de México,México", "C-6,Alsea,Ciudad de México,Ciudad de México,México"]
    out = read(tmp_path, "cuentas.csv", header + "\n".join(rows) + "\n", src("crm_accounts"))
    assert out.status == "loaded" and list(out.records["customer_state"])[:3] == ["Jalisco", "Nuevo León", "Nuevo León"]
