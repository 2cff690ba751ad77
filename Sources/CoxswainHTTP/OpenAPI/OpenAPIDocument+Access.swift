import CoxswainDomain

extension OpenAPIDocument {
    /// Sign-in, users and API tokens.
    static func addAccessPaths(_ add: (String, String, JSONValue) -> Void) {
        let free: JSONValue = .object([("type", .string("object"))])
        let idParam: JSONValue = .object([
            ("name", .string("id")), ("in", .string("path")), ("required", .bool(true)), ("schema", .object([("type", .string("string"))])),
        ])
        let html: JSONValue = .object([
            ("description", .string("HTML page")),
            ("content", .object([("text/html", .object([("schema", .object([("type", .string("string"))]))]))])),
        ])
        let redirect: JSONValue = .object([("description", .string("Redirect"))])
        add(
            "/api/v1/me", "get",
            operation(
                "getMe", "The authenticated principal: role, rep, scope and visible reps", tag: "access",
                responses: [("200", response("Principal", free))] + problems(["401"])))
        add(
            "/api/v1/users", "get",
            operation("listUsers", "List users (admin)", tag: "access", responses: [("200", response("Users", free))] + problems(["401", "403"])))
        add(
            "/api/v1/users", "post",
            operation(
                "createUser", "Create a user (admin): email, role, rep_id, password", tag: "access", body: free,
                responses: [("201", response("User", free))] + problems(["400", "401", "403", "409", "422"])))
        add(
            "/api/v1/users/{id}", "patch",
            operation(
                "updateUser", "Change a user's role, rep_id, active flag or password (admin)", tag: "access", parameters: [idParam], body: free,
                responses: [("200", response("User", free))] + problems(["400", "401", "403", "404", "422"])))
        add(
            "/api/v1/tokens", "get",
            operation(
                "listTokens", "Your API tokens (all=true: everyone's, admin)", tag: "access", parameters: [queryParam("all", "boolean")],
                responses: [("200", response("Tokens (never secrets)", free))] + problems(["401", "403"])))
        add(
            "/api/v1/tokens", "post",
            operation(
                "createToken", "Create an API token (name, scope read|write, expires_at, user_id for admins); the secret is returned once",
                tag: "access", body: free, responses: [("201", response("Token with secret", free))] + problems(["400", "401", "403", "404", "422"])))
        add(
            "/api/v1/tokens/{id}", "delete",
            operation(
                "revokeToken", "Revoke a token, effective immediately", tag: "access", parameters: [idParam],
                responses: [("204", .object([("description", .string("Revoked"))]))] + problems(["401", "403", "404"])))
        add("/login", "get", operation("loginForm", "Dashboard sign-in form", tag: "dashboard", responses: [("200", html), ("303", redirect)]))
        add(
            "/login", "post",
            operation(
                "login", "Sign in (form: email, password, csrf_token); sets the session cookie", tag: "dashboard",
                responses: [
                    ("303", redirect), ("401", html), ("403", response("CSRF failure", ref("Problem"), type: "application/problem+json")),
                    ("429", html),
                ]))
        add(
            "/logout", "post",
            operation("logout", "Sign out (form: csrf_token)", tag: "dashboard", responses: [("303", redirect)] + problems(["403"])))
    }

    /// Bearer API tokens and the dashboard session cookie.
    static var securitySchemes: JSONValue {
        .object([
            ("bearerToken", .object([("type", .string("http")), ("scheme", .string("bearer")), ("description", .string("API token `cox_…`"))])),
            ("sessionCookie", .object([("type", .string("apiKey")), ("in", .string("cookie")), ("name", .string("coxswain_session"))])),
        ])
    }
}
