import Foundation

/// botocore's service models, as the AWS CLI that runs the scripts reads them.
public enum Botocore {
    /// Runs Python `script` with `arguments` as sys.argv[1:], after a prelude that imports
    /// botocore, json, os and sys and defines `model(service, name)`: the newest version of one of
    /// botocore's data files for a service (`service-2`, `paginators-1`), or {} when it has none.
    /// Returns what the script printed; throws when botocore is missing.
    public static func run(_ script: String, _ arguments: [String]) throws -> String {
        let prelude = """
            import botocore, gzip, json, os, sys
            _data = os.path.join(os.path.dirname(botocore.__file__), 'data')
            def model(service, name):
                folder = os.path.join(_data, service)
                path = os.path.join(folder, sorted(os.listdir(folder))[-1], name + '.json')
                if os.path.exists(path): return json.load(open(path))
                if os.path.exists(path + '.gz'): return json.load(gzip.open(path + '.gz'))
                return {}

            """
        let result = try runProgram("python3", ["-c", prelude + script] + arguments)
        guard result.status == 0 else {
            throw Failure("botocore is needed: python3 -m pip install awscli (scripts/test installs it)\n\(result.summary)")
        }
        return result.stdout
    }
}
