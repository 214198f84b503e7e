import Planner

// The wizard's own language, from the locale as POSIX names it: the first of LC_ALL,
// LC_MESSAGES and LANG that is set and not empty. Japanese needs UTF-8 and a screen that draws
// it, so a Japanese locale in another codeset, or the ASCII theme (--ascii, or a codeset other
// than UTF-8), keeps English. Pure: the terminal passes its environment and theme.

public enum WizardLanguage {
    public static func detect(environment: [String: String], ascii: Bool) -> Language {
        guard !ascii,
              let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return .en }
        // language[_territory][.codeset][@modifier]: ja, ja_JP, ja_JP.UTF-8, ja_JP.utf8@...
        let name = locale.prefix { $0 != "@" }
        let language = name.prefix { $0 != "_" && $0 != "." }
        let codeset = name.firstIndex(of: ".").map { name[name.index(after: $0)...].lowercased() }
        guard language == Language.ja.rawValue, codeset == nil || codeset == "utf-8" || codeset == "utf8" else { return .en }
        return .ja
    }
}
