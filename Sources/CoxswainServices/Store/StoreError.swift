/// Storage failures the API can explain to a user (anything else is an internal error).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A unique value is already taken, e.g. a rep e-mail or an external id.
    case conflict(entity: String, field: String, message: String)
    /// A referenced record does not exist, or a record is still referenced and cannot be deleted.
    case referenceViolation(message: String)
    /// A filter, sort or cursor that cannot be executed.
    case invalidQuery(String)
    /// The database could not be reached or answered with an unexpected error (details are logged, not shown).
    case unavailable(String)

    public var description: String {
        switch self {
        case .conflict(_, let field, let message): field.isEmpty ? message : "\(field): \(message)"
        case .referenceViolation(let message): message
        case .invalidQuery(let message): message
        case .unavailable(let message): message
        }
    }
}
