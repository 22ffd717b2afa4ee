import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const SRC = path.resolve(import.meta.dirname, "../../src");

/** One source file of src/ and the src/ files it imports (relative imports; `import type` included or not). */
export type SourceFile = { file: string; text: string; imports: string[]; valueImports: string[] };

/**
 * Every .ts/.tsx file under src/ (the generated Prisma client aside) with the files it imports, read by
 * TypeScript's own parser. `valueImports` leaves out `import type` / `export type` (erased at run time), so a
 * cycle through them only is not a runtime cycle; `imports` keeps them (the layer rule holds for types too).
 */
export function readImports(root = SRC): SourceFile[] {
  const files = listFiles(root);
  return files.map((file) => {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
    const imports: string[] = [];
    const valueImports: string[] = [];
    const add = (specifier: string, typeOnly: boolean) => {
      if (!specifier.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), specifier);
      imports.push(target);
      if (!typeOnly) valueImports.push(target);
    };
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const clause = statement.importClause;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (!clause.name &&
              clause.namedBindings !== undefined &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.length > 0 &&
              clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(statement.moduleSpecifier.text, typeOnly);
      } else if (
        ts.isExportDeclaration(statement) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
      ) {
        add(statement.moduleSpecifier.text, statement.isTypeOnly);
      }
    }
    // dynamic import("…") with a literal
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      )
        add(node.arguments[0].text, false);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return { file, text, imports, valueImports };
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : listFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The import cycles among `files` (each once, as a list of files starting at its smallest), by `edges`. */
export function findCycles(files: SourceFile[], edges: (f: SourceFile) => string[]): string[][] {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const cycles = new Map<string, string[]>();
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "visiting");
    stack.push(file);
    for (const next of edges(byFile.get(file)!)) {
      if (!byFile.has(next)) continue;
      if (state.get(next) === "visiting") {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const normal = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(normal.join(" → "), normal);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const f of files) if (!state.has(f.file)) visit(f.file);
  return [...cycles.values()];
}
