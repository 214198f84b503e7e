// The files of Resources/ are embedded by the package manager (`PackageResources`); this file
// gives them names the rest of vpcpipe can use.
public enum BundledText {
    /// The article's answers: names Private/private, the npm-store upstream, us-west-2.
    public static var articleExample: String { String(decoding: PackageResources.article_yaml, as: UTF8.self) }

    /// The dated price table, a row a unit price (prices.tsv; `Catalog.prices` reads it).
    public static var priceTable: String { String(decoding: PackageResources.prices_tsv, as: UTF8.self) }
}

/// The bash library the scripts of the output folder carry (scripts/NAME.bash), pasted into
/// them so they need nothing but bash and the AWS CLI.
public enum BashLibrary: String, CaseIterable, Sendable {
    case run, call, setup, preflight, teardown, verify, actions, learn, stack, stackset

    /// The file's text for the script `name` (setup, teardown, verify), after the file's header (its
    /// lines up to the first blank one), which speaks to the reader of the file alone: its
    /// shellcheck directives act on the whole file there, and would act on one command in a script.
    /// `@SCRIPT@` in a file stands for the script's name.
    public func text(script name: String) -> String {
        let bytes: [UInt8] = switch self {
        case .run: PackageResources.run_bash
        case .call: PackageResources.call_bash
        case .setup: PackageResources.setup_bash
        case .preflight: PackageResources.preflight_bash
        case .teardown: PackageResources.teardown_bash
        case .verify: PackageResources.verify_bash
        case .actions: PackageResources.actions_bash
        case .learn: PackageResources.learn_bash
        case .stack: PackageResources.stack_bash
        case .stackset: PackageResources.stackset_bash
        }
        let file = String(decoding: bytes, as: UTF8.self)
        let body = file.firstRange(of: "\n\n").map { file[$0.upperBound...] } ?? file[...]
        return String(body).replacing("@SCRIPT@", with: name)
    }
}
