import Planner

/// Changing the name, the format or the image refills the fields that follow from it,
/// while they still hold the default of the old value (Defaults): a value the user typed stays.
enum Refill {
    static func apply(from old: Answers, to new: Answers) -> Answers {
        var answers = new
        func follow(_ path: WritableKeyPath<Answers, String>, _ before: String, _ after: String) {
            if answers[keyPath: path] == before { answers[keyPath: path] = after }
        }
        if old.name != new.name {
            for path in [\Answers.source.repository, \.codeartifact.repository, \.build.project, \.pipeline.name] {
                follow(path, Defaults.resourceName(name: old.name), Defaults.resourceName(name: new.name))
            }
            follow(\.codeartifact.domain, Defaults.domain(name: old.name), Defaults.domain(name: new.name))
        }
        let format = (old.codeartifact.format, new.codeartifact.format)
        if format.0 != format.1 {
            follow(\.codeartifact.upstream, Defaults.upstream(format: format.0), Defaults.upstream(format: format.1))
            follow(\.codeartifact.externalConnection,
                   Defaults.externalConnection(format: format.0), Defaults.externalConnection(format: format.1))
        }
        let image = (old.build.image, new.build.image)
        if format.0 != format.1 || image.0 != image.1 {
            follow(\.build.runtime, Defaults.runtime(format: format.0, image: image.0),
                   Defaults.runtime(format: format.1, image: image.1))
        }
        return answers
    }
}
