"""What `db upgrade` checks on PostgreSQL before the log is handed to workstations: the rights of the application
role (or, when none is named, of PUBLIC, which every role inherits) on the log's schema and database.

*Refusals* are rights that let the role change the log or act as its owner; *warnings* are rights the documented
layout takes away as defence in depth (creating temporary objects, creating objects in a schema on the search path)
and rights the workstations need but lack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from moderator_app.audit.protections import (
    APPEND_DURABLE_MANY_SIGNATURE,
    APPEND_DURABLE_SIGNATURE,
    unpinned_definers,
)

_NEVER = {"audit_event": ("INSERT", "UPDATE", "DELETE", "TRUNCATE"),
          "audit_head": ("INSERT", "UPDATE", "DELETE", "TRUNCATE"),
          "audit_checkpoint": ("UPDATE", "DELETE", "TRUNCATE"),
          "audit_key": ("UPDATE", "DELETE", "TRUNCATE")}
_NEEDED_TABLES = {"audit_event": "SELECT", "audit_head": "SELECT", "audit_checkpoint": "INSERT",
                  "audit_key": "INSERT"}
_NEEDED_ROUTINES = (f"audit_append_durable({APPEND_DURABLE_SIGNATURE})",
                    f"audit_append_durable_many({APPEND_DURABLE_MANY_SIGNATURE})")


@dataclass
class RoleReport:
    role: str
    refusals: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_role(connection: Connection, role: str | None) -> RoleReport:
    """The rights of ``role`` (PUBLIC when None) on the current schema, where the log lives."""
    who = role or "public"
    report = RoleReport(role=role or "PUBLIC")
    schema = str(connection.exec_driver_sql("SELECT pg_catalog.current_schema()").scalar())

    def ask(sql: str, **params: str) -> bool:
        return bool(connection.execute(text(sql), {"who": who, "schema": schema, **params}).scalar())

    if role is not None:
        if not ask("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :who)"):
            report.refusals.append(f"role {role} does not exist")
            return report
        if ask("SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = :who"):
            report.refusals.append(f"{role} is a superuser or bypasses row security: it can change anything")
        owner = connection.execute(text(
            "SELECT pg_catalog.pg_get_userbyid(nspowner) FROM pg_catalog.pg_namespace WHERE nspname = :schema"),
            {"schema": schema}).scalar()
        if ask("SELECT pg_catalog.pg_has_role(:who, :owner, 'USAGE')", owner=str(owner)):
            report.refusals.append(f"{role} acts as {owner}, the owner of schema {schema}: it can drop the "
                                   "triggers")
    for table, privileges in _NEVER.items():
        for privilege in privileges:
            if ask("SELECT pg_catalog.has_table_privilege(:who, :table, :privilege)",
                   table=f'"{schema}".{table}', privilege=privilege):
                report.refusals.append(f"{report.role} has {privilege} on {table}")
    if ask("SELECT pg_catalog.has_schema_privilege(:who, :schema, 'CREATE')"):
        report.refusals.append(f"{report.role} may CREATE in schema {schema}: REVOKE CREATE ON SCHEMA {schema} "
                               f"FROM {report.role}")
    report.refusals.extend(f"{name} is SECURITY DEFINER without a pinned search_path: run db upgrade as the "
                           "schema's owner" for name in unpinned_definers(connection))
    if ask("SELECT pg_catalog.has_database_privilege(:who, pg_catalog.current_database(), 'TEMP')"):
        report.warnings.append(f"{report.role} may create temporary objects: REVOKE TEMP ON DATABASE "
                               f"{connection.exec_driver_sql('SELECT pg_catalog.current_database()').scalar()} "
                               "FROM PUBLIC (and from the role)")
    if ask("SELECT CASE WHEN pg_catalog.to_regnamespace('public') IS NULL THEN false "
           "ELSE pg_catalog.has_schema_privilege(:who, 'public', 'CREATE') END"):
        report.warnings.append(f"{report.role} may CREATE in schema public: REVOKE CREATE ON SCHEMA public FROM "
                               "PUBLIC")
    if role is not None:
        for table, privilege in _NEEDED_TABLES.items():
            if not ask("SELECT pg_catalog.has_table_privilege(:who, :table, :privilege)",
                       table=f'"{schema}".{table}', privilege=privilege):
                report.warnings.append(f"{role} lacks {privilege} on {table}: workstations will refuse to write "
                                       "(grant the layout in docs/audit.md)")
        for routine in _NEEDED_ROUTINES:
            if not ask("SELECT pg_catalog.has_function_privilege(:who, :routine, 'EXECUTE')",
                       routine=f'"{schema}".{routine}'):
                report.warnings.append(f"{role} lacks EXECUTE on {routine.split('(')[0]}: workstations will "
                                       "refuse to write")
    return report
