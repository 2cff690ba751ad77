import Foundation

/// Common English given-name nicknames, grouped by the formal name they abbreviate.
///
/// Business rule: two given names are *aliases* when they share a formal name, e.g. `Bob`, `Bobby`, `Rob` and
/// `Robert` all resolve to `robert`. A nickname that abbreviates several names (`Chris` → Christopher or
/// Christina) resolves to up to two formal names, and matches either.
///
/// Example: `NicknameTable.shared.formalCodes(for: "peggy")` contains the code of `"margaret"`, so
/// `Peggy Smith` and `Margaret Smith` compare at the *alias* level rather than as a disagreement.
struct NicknameTable: Sendable {
    /// `formal: nick nick …;` groups (folded, lower-case).
    static let source = """
        abigail: abby abbie gail; abraham: abe bram; albert: al bert bertie; alexander: alex al alec sandy lex xander;
        alexandra: alex alexa sandra sandy lexi; alfred: alf alfie fred freddie; allison: allie ally; alan: al;
        amanda: mandy manda; andrew: andy drew; angela: angie; anthony: tony ant; antonio: tony toni;
        arthur: art artie; barbara: barb barbie babs; benjamin: ben benny benji; bernard: bernie;
        beverly: bev; bradley: brad; brian: bri; calvin: cal; catherine: cathy cath kate katie cat;
        katherine: kathy kate katie kat kathie kitty; kathleen: kathy kate katie;
        kathryn: kathy kate katie kat; caroline: carrie carol; carolyn: carrie carol;
        angela: angie; eleanora: ellie; dwight: ike; cassandra: cassie sandy;
        charles: charlie chuck chas chaz; charlotte: charlie lottie; christopher: chris kit topher;
        christina: chris tina chrissy; christine: chris tina chrissy; clifford: cliff; cynthia: cindy;
        daniel: dan danny; danielle: dani; david: dave davey; deborah: deb debbie debby; dennis: denny;
        dominic: dom; donald: don donnie; dorothy: dot dottie dolly; douglas: doug; edward: ed eddie ted ned;
        edwin: ed eddie; eleanor: ellie nell nora; elizabeth: liz lizzie beth betty bess betsy eliza lisa libby;
        emily: emmy em; eugene: gene; evelyn: evie; frances: fran frannie; francis: frank fran;
        frederick: fred freddie freddy; gabriel: gabe; gabrielle: gabby; gerald: gerry jerry; geoffrey: geoff jeff;
        gregory: greg; harold: hal harry; henry: harry hank hal; herbert: herb bert; isabella: bella izzy isabel;
        jacob: jake jakey; james: jim jimmy jamie jimbo; janet: jan; jeffrey: jeff; jennifer: jen jenny jenn;
        jessica: jess jessie; john: jack johnny jon; jonathan: jon jonny nate; joseph: joe joey jo;
        josephine: jo jojo josie; joshua: josh; judith: judy jude; julia: julie jules; kenneth: ken kenny;
        kimberly: kim kimmy; lawrence: larry laurie; leonard: leo len lenny; louis: lou; louise: lou lulu;
        margaret: peggy maggie meg megan marge margie greta daisy madge; martha: marty mattie; martin: marty;
        mary: molly polly mae mamie; matthew: matt matty; melissa: mel missy lissa; michael: mike mikey mick mickey;
        michelle: shelly chelle; nathan: nate; nathaniel: nate nat; nicholas: nick nicky; nicole: nikki;
        oliver: ollie; pamela: pam; patricia: pat patty trish tricia; patrick: pat paddy; peter: pete;
        philip: phil; phillip: phil; rebecca: becky becca; richard: rick ricky dick rich richie;
        robert: bob bobby rob robbie bert; roberta: bobbie; ronald: ron ronnie; rosemary: rose rosie;
        russell: russ; samantha: sam sammy; samuel: sam sammy; sandra: sandy; sarah: sally sadie;
        stephanie: steph stephie; stephen: steve stevie; steven: steve stevie; stuart: stu; susan: sue susie suzy;
        suzanne: sue suzy; teresa: terry tess tessa; theresa: terry tess tessa; theodore: ted teddy theo;
        thomas: tom tommy; timothy: tim timmy; valerie: val; victoria: vicky tori vic; vincent: vince vinny;
        virginia: ginny ginger; walter: walt wally; william: bill billy will willy liam; zachary: zach zack;
        winifred: winnie freda; raymond: ray; gerard: gerry; alison: ali; dorothea: dora; andrea: andi;
        jacqueline: jackie jacqui; joanne: jo; johanna: jo hanna; kristen: kris kristy; leslie: les;
        lillian: lily lil; madeline: maddie maddy; natalie: nat; penelope: penny; phillipa: pippa;
        ronnie: ron; rodney: rod; sylvester: sly; terrence: terry; tobias: toby; wilfred: wilf fred;
        agnes: aggie; cecilia: cece; constance: connie; cornelius: neil; eugenia: jenny; florence: flo flossie;
        harriet: hattie; helen: nell nellie; mathew: matt; jeremy: jerry; raphael: rafa; jennie: jenny;
        augustus: gus; angus: gus; ignatius: iggy; maximilian: max; maxwell: max; montgomery: monty;
        reginald: reg reggie; solomon: sol; stanley: stan; sebastian: seb; wesley: wes; clarence: clare;
        franklin: frank; dorian: dory; gwendolyn: gwen; jillian: jill; lucinda: lucy cindy; mildred: millie;
        priscilla: prissy; veronica: ronnie; wilhelmina: mina; yvonne: vonnie; zoe: zo; ann: annie nan;
        anne: annie nan; hannah: hanna; kayla: kay; kaylee: kay; lucas: luke; luke: lucas
        """

    /// Hash of the folded name → up to two formal-name codes (`0` = unused slot). Keyed by the name's own code
    /// (`ByteHash` with seed 77), which is also the formal code of a name that is not in the table.
    let codes: [UInt64: (UInt64, UInt64)]

    static let shared = NicknameTable()

    init() {
        var table: [UInt64: (UInt64, UInt64)] = [:]
        func add(_ text: String, _ code: UInt64) {
            let name = ByteHash.hash(Array(text.utf8), seed: 77)
            if let existing = table[name] {
                if existing.0 != code && existing.1 == 0 { table[name] = (existing.0, code) }
            } else {
                table[name] = (code, 0)
            }
        }
        for group in Self.source.split(separator: ";") {
            let parts = group.split(separator: ":")
            guard parts.count == 2 else { continue }
            let formal = parts[0].trimmingCharacters(in: .whitespacesAndNewlines)
            let code = ByteHash.hash(Array(formal.utf8), seed: 77)
            add(formal, code)
            for nick in parts[1].split(whereSeparator: { $0 == " " || $0 == "\n" }) where !nick.isEmpty {
                add(String(nick), code)
            }
        }
        codes = table
    }

    /// Number of nickname → formal-name links (for documentation and tests).
    var aliasCount: Int { codes.values.reduce(0) { $0 + ($1.1 == 0 ? 1 : 2) } - formalCount }

    /// Number of distinct formal names.
    var formalCount: Int { Set(codes.values.flatMap { [$0.0, $0.1] }.filter { $0 != 0 }).count }

    /// Formal-name codes for a folded given name; a name that is not in the table is its own formal name.
    func formalCodes(for folded: String) -> (UInt64, UInt64) {
        formalCodes(bytes: Array(folded.utf8))
    }

    /// Byte version of ``formalCodes(for:)``.
    func formalCodes(bytes: [UInt8]) -> (UInt64, UInt64) {
        let own = ByteHash.hash(bytes, seed: 77)
        return codes[own] ?? (own, 0)
    }
}
