import Planner

/// The message catalogs' check, for the output folder's (Phrase), the command line's (Notice) and the wizard's (WizardPhrase).
public enum Catalogs {
    /// What keeps `catalog` from standing in for `english`: a message it lacks, or one whose
    /// placeholders differ. A bash placeholder is named by its variable: `{2:+ and \"$2\"}`
    /// and `{2:+ (...)}` both read $2.
    public static func differences<Key: CaseIterable & Hashable>(_ catalog: [Key: String], from english: [Key: String]) -> [String] {
        func names(_ text: String) -> [String] {
            TextTemplate(text).placeholders.map { name in
                if name.hasPrefix("$(") { return String(name.prefix { $0 != " " }) }
                return String(name.prefix { $0.isLetter || $0.isNumber || "_#[]@".contains($0) })
            }.sorted()
        }
        return Key.allCases.compactMap { key in
            guard let text = catalog[key] else { return "\(key): missing" }
            guard let source = english[key] else { return "\(key): missing in English" }
            return names(text) == names(source) ? nil : "\(key): placeholders \(names(text)), in English \(names(source))"
        }
    }
}
