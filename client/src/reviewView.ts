// The reviewer's view (Explorer › 年报审核): every report known to the server —
// the workspace's once "Check All Reports" ran, and the open ones — by unit and
// year, with its counts by severity and last year's report compared; under it,
// its findings, each opening the report at its place.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const UNITS_METHOD = 'nianbao/units';

interface UnitFinding {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Where it is in the file a read-only view was read from (第 3 页): a PDF's reader finds it there. */
  where?: string;
}

export interface UnitReport {
  unit: string;
  year?: number;
  uri: string;
  counts: Record<UnitFinding['severity'], number>;
  previous?: string;
  findings: UnitFinding[];
}

type Node = { kind: 'unit'; report: UnitReport } | { kind: 'finding'; report: UnitReport; finding: UnitFinding };

/** Made when first shown, not when the extension loads. */
const icons = (): Record<UnitFinding['severity'], vscode.ThemeIcon> => ({
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
});

class ReviewTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  units: UnitReport[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async refresh(): Promise<UnitReport[]> {
    this.units = (await this.client()?.sendRequest<UnitReport[]>(UNITS_METHOD, {})) ?? [];
    this.changed.fire();
    return this.units;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.units.map((report) => ({ kind: 'unit', report }));
    return node.kind === 'unit' ? node.report.findings.map((finding) => ({ kind: 'finding', report: node.report, finding })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.report.uri);
    if (node.kind === 'unit') {
      const { counts, year, previous } = node.report;
      const item = new vscode.TreeItem(year ? `${node.report.unit} ${year}` : node.report.unit, node.report.findings.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = vscode.l10n.t('{0} errors, {1} warnings, {2} information, {3} hints', counts.error, counts.warning, counts.information, counts.hint);
      item.tooltip = `${uri.scheme === 'file' ? uri.fsPath : uri.path}${previous ? `\n${vscode.l10n.t("Compared with last year's report: {0}", vscode.Uri.parse(previous).path)}` : ''}`;
      item.iconPath = counts.error ? icons().error : counts.warning ? icons().warning : new vscode.ThemeIcon('pass');
      item.resourceUri = uri;
      item.contextValue = 'nianbaoUnit';
      return item;
    }
    const { finding } = node;
    const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${finding.code} [${finding.where ?? finding.range.start.line + 1}]`;
    item.iconPath = icons()[finding.severity];
    const { start, end } = finding.range;
    item.command = { title: '', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(start.line, start.character, end.line, end.character) }] };
    return item;
  }
}

export function registerReviewView(client: () => LanguageClient | undefined): { disposables: vscode.Disposable[]; units: () => Promise<UnitReport[]> } {
  const tree = new ReviewTree(client);
  let timer: NodeJS.Timeout | undefined;
  // Diagnostics change as reports are checked: the view follows, a moment later.
  const follow = vscode.languages.onDidChangeDiagnostics(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void tree.refresh().catch(() => undefined), 300);
  });
  return {
    disposables: [
      vscode.window.createTreeView('nianbao.review', { treeDataProvider: tree, showCollapseAll: true }),
      vscode.commands.registerCommand('nianbao.refreshReview', () => tree.refresh()),
      follow,
      { dispose: () => clearTimeout(timer) },
    ],
    units: () => tree.refresh(),
  };
}
