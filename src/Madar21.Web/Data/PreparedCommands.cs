using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Madar21.Web.Data;

/// <summary>
/// Commands prepared once and run many times with new values (bulk import, the search index, related lists), where
/// EF's change tracker would cost more than the work itself.
/// </summary>
public static class PreparedCommands
{
    /// <summary>
    /// A command on the context's connection and its current transaction: bulk writes belong to the change that makes
    /// them (the articles and their index entries commit together, or not at all), so there must be one.
    /// </summary>
    public static DbCommand InTransaction(MadarDb db, string sql, params string[] parameters)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Prepared bulk commands run only inside the caller's transaction.");
        return Create(db.Database.GetDbConnection(), transaction, sql, parameters);
    }

    /// <summary>A command on the connection and transaction, with its named parameters declared (values set later).</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }
}
