using Acornima.Ast;

namespace Orchestrator.Engine;

/// <summary>
/// What a script can leave behind in the engine it runs on, found from its syntax once when it is prepared.
/// <see cref="DeclaresGlobals"/>: bindings of the global scope that cannot be removed again (top-level
/// <c>let</c>/<c>const</c>/<c>class</c>, <c>var</c> and function declarations outside any function).
/// <see cref="TouchesGlobal"/>: it may add properties to the global object (an assignment to a name no enclosing scope
/// declares, <c>this</c>, <c>globalThis</c>).
/// </summary>
internal readonly record struct ScriptEffects(bool DeclaresGlobals, bool TouchesGlobal, IReadOnlyList<string> Accessors)
{
    /// <summary>Helpers every engine defines; other names like getX/setX are Elsa's generated accessors.</summary>
    static readonly HashSet<string> Helpers = new(StringComparer.Ordinal)
    {
        "getVariable", "setVariable", "getInput", "getOutputFrom", "getWorkflowInstanceId", "getWorkflowDefinitionId",
        "getWorkflowDefinitionVersionId", "getWorkflowDefinitionVersion", "getCorrelationId", "setCorrelationId", "getLastResult",
        "getGuidString", "getShortGuid", "setOutcome", "setOutcomes",
    };

    public static ScriptEffects Of(Script script)
    {
        var walk = new Walk();
        var top = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in script.Body)
        {
            if (statement is VariableDeclaration { Kind: not VariableDeclarationKind.Var } or ClassDeclaration or FunctionDeclaration)
                walk.DeclaresGlobals = true;
            AddLexical(statement, top);
            AddVars(statement, top);
        }
        walk.DeclaresGlobals |= top.Count > 0;
        walk.Scopes.Add(top);
        foreach (var statement in script.Body) walk.Visit(statement);
        var accessors = walk.Names.Where(n => n.Length > 3 && (n.StartsWith("get", StringComparison.Ordinal) || n.StartsWith("set", StringComparison.Ordinal))
                                              && !char.IsLower(n[3]) && !Helpers.Contains(n) && !walk.Declared.Contains(n)).ToList();
        // The accessors are defined on the global object for the evaluation, so they are removed after it.
        return new ScriptEffects(walk.DeclaresGlobals, walk.TouchesGlobal || accessors.Count > 0, accessors);
    }

    sealed class Walk
    {
        public bool DeclaresGlobals;
        public bool TouchesGlobal;
        public readonly List<HashSet<string>> Scopes = [];
        public readonly HashSet<string> Names = new(StringComparer.Ordinal);
        public readonly HashSet<string> Declared = new(StringComparer.Ordinal);

        public void Visit(Node node)
        {
            if (node is Identifier identifier) Names.Add(identifier.Name);
            switch (node)
            {
                case ThisExpression:
                case Identifier { Name: "globalThis" }:
                    // `this` is the global object at the top level, and in sloppy-mode functions called without a receiver.
                    TouchesGlobal = true;
                    break;
                case AssignmentExpression assignment:
                    CheckWrites(assignment.Left);
                    break;
                case UpdateExpression update:
                    CheckWrites(update.Argument);
                    break;
                case ForInStatement { Left: not VariableDeclaration } forIn:
                    CheckWrites(forIn.Left);
                    break;
                case ForOfStatement { Left: not VariableDeclaration } forOf:
                    CheckWrites(forOf.Left);
                    break;
            }

            var scope = ScopeOf(node);
            if (scope is not null)
            {
                Scopes.Add(scope);
                Declared.UnionWith(scope);
            }
            foreach (var child in node.ChildNodes) Visit(child);
            if (scope is not null) Scopes.RemoveAt(Scopes.Count - 1);
        }

        void CheckWrites(Node target)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            CollectNames(target, names);
            foreach (var name in names)
                if (!Scopes.Any(s => s.Contains(name))) TouchesGlobal = true;
        }
    }

    /// <summary>The names declared by a node that opens a scope (hoisted vars included), or null.</summary>
    static HashSet<string>? ScopeOf(Node node)
    {
        HashSet<string> names;
        switch (node)
        {
            case IFunction function:
                names = new HashSet<string>(StringComparer.Ordinal);
                if (function.Id is { } id) names.Add(id.Name);
                foreach (var p in function.Params) CollectNames(p, names);
                names.Add("arguments");
                if (function.Body is BlockStatement body)
                    foreach (var s in body.Body)
                    {
                        AddLexical(s, names);
                        AddVars(s, names);
                    }
                return names;
            case BlockStatement block:
                names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var s in block.Body) AddLexical(s, names);
                return names;
            case SwitchStatement switchStatement:
                names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var c in switchStatement.Cases)
                    foreach (var s in c.Consequent) AddLexical(s, names);
                return names;
            case ForStatement { Init: VariableDeclaration init }:
                names = new HashSet<string>(StringComparer.Ordinal);
                AddLexical(init, names);
                return names;
            case ForInStatement { Left: VariableDeclaration left }:
                names = new HashSet<string>(StringComparer.Ordinal);
                AddLexical(left, names);
                return names;
            case ForOfStatement { Left: VariableDeclaration left }:
                names = new HashSet<string>(StringComparer.Ordinal);
                AddLexical(left, names);
                return names;
            case CatchClause { Param: { } param }:
                names = new HashSet<string>(StringComparer.Ordinal);
                CollectNames(param, names);
                return names;
            default:
                return null;
        }
    }

    /// <summary>let, const, class and function declarations directly in a statement list.</summary>
    static void AddLexical(Node statement, HashSet<string> names)
    {
        switch (statement)
        {
            case VariableDeclaration { Kind: not VariableDeclarationKind.Var } declaration:
                foreach (var d in declaration.Declarations) CollectNames(d.Id, names);
                break;
            case ClassDeclaration { Id: { } id }:
                names.Add(id.Name);
                break;
            case FunctionDeclaration { Id: { } fid }:
                names.Add(fid.Name);
                break;
        }
    }

    /// <summary>var declarations anywhere below a statement, not inside nested functions (they hoist to the function).</summary>
    static void AddVars(Node node, HashSet<string> names)
    {
        if (node is VariableDeclaration { Kind: VariableDeclarationKind.Var } declaration)
            foreach (var d in declaration.Declarations) CollectNames(d.Id, names);
        // Annex B: a function declared in a block also gets a var binding in its function.
        if (node is FunctionDeclaration { Id: { } id }) names.Add(id.Name);
        if (node is IFunction or ClassDeclaration or ClassExpression) return;
        foreach (var child in node.ChildNodes) AddVars(child, names);
    }

    /// <summary>The names a binding or assignment target writes; <c>a.b = 1</c> writes no name, and in
    /// <c>{ key: name = fallback }</c> only <c>name</c> is written.</summary>
    static void CollectNames(Node target, HashSet<string> names)
    {
        switch (target)
        {
            case Identifier id:
                names.Add(id.Name);
                break;
            case MemberExpression:
                break;
            case Property property:
                CollectNames(property.Value, names);
                break;
            case AssignmentPattern pattern:
                CollectNames(pattern.Left, names);
                break;
            case RestElement rest:
                CollectNames(rest.Argument, names);
                break;
            case ArrayPattern array:
                foreach (var element in array.Elements)
                    if (element is not null) CollectNames(element, names);
                break;
            case ObjectPattern obj:
                foreach (var p in obj.Properties) CollectNames(p, names);
                break;
        }
    }
}
