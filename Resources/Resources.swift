// The files of Resources/ are embedded by the package manager (`PackageResources`); this file
// gives them names the rest of vpcpipe can use.
public enum BundledText {
    /// The article's answers: names Private/private, the npm-store upstream, us-west-2.
    public static var articleExample: String { String(decoding: PackageResources.article_yaml, as: UTF8.self) }
}
