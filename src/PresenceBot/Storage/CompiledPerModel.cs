using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PresenceBot.Storage;

/// <summary>
/// A compiled EF query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>)
/// for each model it meets: EF refuses a compiled query on a context of another model, and one process may hold several
/// (the tests run many hosts, on both providers). For the reads on the hottest paths, where building and looking up the
/// LINQ query each time costs more than running it (perf under the load runs, docs/performance.md, issue 11).
/// </summary>
/// <param name="compile">Compiles the query; called once per model.</param>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => compile());
    }
}
