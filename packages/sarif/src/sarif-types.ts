/**
 * The subset of the SARIF 2.1.0 object model that k8s-lint writes.
 * Property order in these interfaces is irrelevant; the formatter builds objects in a fixed order.
 */

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Values are JSON: SARIF property bags accept any JSON value. */
export type PropertyBag = Record<string, string | number | boolean | readonly string[]>;

export interface SarifMessage {
  text: string;
}

export interface MultiformatMessageString {
  text: string;
  markdown?: string;
}

export interface ReportingConfiguration {
  level: SarifLevel;
}

export interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: MultiformatMessageString;
  fullDescription: MultiformatMessageString;
  help: MultiformatMessageString;
  helpUri?: string;
  defaultConfiguration: ReportingConfiguration;
  properties: PropertyBag;
}

export interface ToolComponent {
  name: string;
  version: string;
  semanticVersion?: string;
  informationUri: string;
  rules: ReportingDescriptor[];
}

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  description?: SarifMessage;
}

export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region: Region;
}

export interface LogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
}

export interface Location {
  physicalLocation: PhysicalLocation;
  logicalLocations?: LogicalLocation[];
}

export interface SarifSuppression {
  kind: 'inSource' | 'external';
  justification?: string;
  properties?: PropertyBag;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: Location[];
  partialFingerprints: Record<string, string>;
  suppressions?: SarifSuppression[];
  properties?: PropertyBag;
}

export interface OriginalUriBase {
  uri?: string;
  description: SarifMessage;
}

/** Something the tool wants the reader of the log to know about the run (here: what was cut). */
export interface Notification {
  descriptor: { id: string };
  level: SarifLevel;
  message: SarifMessage;
}

export interface Invocation {
  executionSuccessful: boolean;
  toolExecutionNotifications?: Notification[];
}

export interface SarifRun {
  tool: { driver: ToolComponent };
  invocations: Invocation[];
  originalUriBaseIds: Record<string, OriginalUriBase>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
  properties?: PropertyBag;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
