// Defaults that follow from other answers. The reader uses them for missing keys; the wizard
// uses them to refill a field that still holds the default of the value it follows.
public enum Defaults {
    /// The repository, build project and pipeline take the base name as it is.
    public static func resourceName(name: String) -> String { name }

    /// The CodeArtifact domain takes the base name in the domain's alphabet: lower case, with `_` as `-`.
    public static func domain(name: String) -> String {
        name.lowercased().split(separator: "_", omittingEmptySubsequences: false).joined(separator: "-")
    }

    public static func upstream(format: PackageFormat) -> String { Catalog.format(format).defaultUpstream }

    public static func externalConnection(format: PackageFormat) -> String {
        Catalog.format(format).externalConnections[0]
    }

    /// The connection sits on the upstream repository: without an upstream there is none.
    public static func externalConnection(format: PackageFormat, upstream: String) -> String {
        upstream.isEmpty ? "" : externalConnection(format: format)
    }

    public static func buildTool(format: PackageFormat) -> String { Catalog.format(format).buildTools[0].name }

    public static func runtime(format: PackageFormat, image: String) -> String {
        Catalog.defaultRuntime(format: format, image: image)
    }
}
