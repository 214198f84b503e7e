/// A file name not yet taken: `base`, then `base-2`, `base-3`... before the extension.
/// Saving never overwrites a file silently.
public enum FreeName {
    public static func candidates(_ base: String) -> some Sequence<String> {
        let dot = base.lastIndex(of: ".").flatMap { $0 == base.startIndex ? nil : $0 } ?? base.endIndex
        let stem = base[..<dot], ext = base[dot...]
        return (1...).lazy.map { $0 == 1 ? base : "\(stem)-\($0)\(ext)" }
    }

    public static func pick(_ base: String, exists: (String) -> Bool) -> String {
        candidates(base).first { !exists($0) }!
    }
}
