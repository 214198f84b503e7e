/// The "did you mean" of an unknown key: the nearest key at the same level, or the full path of
/// a key of that name at another level (`branch` at the top: "source.branch").
enum KeySuggestion {
    static func nearest(to name: String, siblings: [String], prefix: String) -> String? {
        let wanted = normalised(name)
        // Same words in another spelling: sampleApp, Sample-App, routeTables.
        if let same = siblings.first(where: { normalised($0) == wanted }) { return same }
        let limit = max(1, wanted.count / 3)
        // The distance is at least the difference in length, so a key of another length is not
        // measured: the table is quadratic, and a hostile file may hold a key of a megabyte.
        let scored = siblings.compactMap { key -> (key: String, distance: Int)? in
            let candidate = normalised(key)
            guard abs(candidate.count - wanted.count) <= limit else { return nil }
            return (key, distance(wanted, candidate))
        }
        if let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit {
            return best.key
        }
        // An abbreviation: repo for repository.
        if wanted.count >= 3, let longer = siblings.first(where: { normalised($0).starts(with: wanted) }) {
            return longer
        }
        return lastKeys.first { $0.parent != prefix && $0.last == wanted }?.path
    }

    /// Each key's path, the path of its section (with the dot) and its own name normalised,
    /// worked out once: a hostile file may hold thousands of unknown keys.
    private static let lastKeys: [(path: String, parent: String, last: [Character])] = AnswerSchema.allPaths.map { path in
        let last = path.split(separator: ".").last!
        return (path, String(path.dropLast(last.count)), normalised(String(last)))
    }

    private static func normalised(_ key: String) -> [Character] {
        Array(key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Edit distance where swapping two neighbours counts as one edit (optimal string alignment):
    /// "nmae" is one edit from "name".
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
