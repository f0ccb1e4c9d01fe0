"""import-linter contracts the built-in types cannot say without listing every domain (so a new
domain would slip through until someone updates the list). `make lint` registers them; see
[tool.importlinter] in pyproject.toml."""

from dataclasses import dataclass

import grimp
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True)
class ForeignImport:
    importer: str
    imported: str
    line_numbers: tuple[int, ...]


class PrivateToDomainContract(Contract):
    """Modules named in `private` (e.g. `repository`) directly inside a domain package of
    `container` (api.<domain>.repository) may be imported only from the same domain package.
    Another domain asks the owner's service instead, so the owner keeps its rules and locks."""

    type_name = "private_to_domain"

    container = fields.StringField()
    private = fields.ListField(subfield=fields.StringField())
    # "importer -> imported" pairs that are allowed on purpose (say why next to them)
    ignore_imports = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        container = str(self.container)
        private = {str(name) for name in self.private}  # type: ignore[attr-defined]
        depth = container.count(".") + 3  # api.<domain>.<module>: three parts
        allowed = {
            tuple(part.strip() for part in str(pair).split("->"))
            for pair in (self.ignore_imports or [])  # type: ignore[attr-defined]
        }
        broken: list[ForeignImport] = []
        for module in sorted(graph.modules):
            parts = module.split(".")
            if not module.startswith(container + ".") or len(parts) != depth:
                continue
            if parts[-1] not in private:
                continue
            domain = ".".join(parts[:-1])
            for importer in sorted(graph.find_modules_that_directly_import(module)):
                if importer == domain or importer.startswith(domain + "."):
                    continue
                if (importer, module) in allowed:
                    continue
                details = graph.get_import_details(importer=importer, imported=module)
                lines = tuple(d["line_number"] for d in details)
                broken.append(ForeignImport(importer, module, lines))
        return ContractCheck(kept=not broken, warnings=[], metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for link in check.metadata["broken"]:
            lines = ", ".join(map(str, link.line_numbers))
            output.print_error(f"- {link.importer} -> {link.imported} (l.{lines})", bold=False)
            output.new_line()
        output.print_error(
            "Call the owning domain's service instead of its repository.", bold=False
        )
        output.new_line()


class SelfContainedContract(Contract):
    """`package` imports nothing else of `root` (kit: the toolbox every layer may use)."""

    type_name = "self_contained"

    package = fields.StringField()
    root = fields.StringField()

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        package, root = str(self.package), str(self.root)
        inside = {package, *graph.find_descendants(package)}
        broken = [
            ForeignImport(
                importer,
                imported,
                tuple(
                    d["line_number"]
                    for d in graph.get_import_details(importer=importer, imported=imported)
                ),
            )
            for importer in sorted(inside)
            for imported in sorted(graph.find_modules_directly_imported_by(importer))
            if imported.startswith(root + ".") and imported not in inside
        ]
        return ContractCheck(kept=not broken, warnings=[], metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for link in check.metadata["broken"]:
            lines = ", ".join(map(str, link.line_numbers))
            output.print_error(f"- {link.importer} -> {link.imported} (l.{lines})", bold=False)
            output.new_line()
