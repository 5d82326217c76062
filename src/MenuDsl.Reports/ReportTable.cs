using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MenuDsl.Reports;

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Name">The header, in snake_case (e.g. <c>transfer</c>, <c>tokens_output</c>).</param>
/// <param name="Unit">The unit (e.g. "USD", "tokens per task", "USD per token", "1" for ratios and flags).</param>
/// <param name="Description">What the column holds.</param>
/// <param name="IsFlag">Whether the column is a yes/no flag: 1/0 in CSV, true/false in JSON.</param>
public sealed record ReportColumn(string Name, string Unit, string Description, bool IsFlag = false);

/// <summary>
/// A table of numbers, one row per menu item, written as CSV or JSON with the invariant culture and round-trip
/// formatting (<c>double.Parse(text, CultureInfo.InvariantCulture)</c> gives back the same double).
/// Non-finite numbers (+∞ prices and markups of excluded or pooled types, the +∞ task cap of packages) are written as an
/// <b>empty field</b> in CSV and as JSON <c>null</c>: neither format ever holds <c>Infinity</c> or <c>NaN</c>.
/// </summary>
public sealed class ReportTable
{
    private readonly double[][] rows;

    internal ReportTable(string name, string model, IReadOnlyList<ReportColumn> columns, IEnumerable<double[]> rows,
        IReadOnlyList<(string Name, double Value)>? summary = null)
    {
        Name = name;
        Model = model;
        Columns = columns;
        this.rows = [.. rows];
        foreach (var row in this.rows)
            if (row.Length != columns.Count) throw new InvalidOperationException($"A row of table '{name}' holds {row.Length} cells for {columns.Count} columns.");
        Summary = summary ?? [];
        Rows = [.. this.rows.Select(r => (IReadOnlyList<double>)Array.AsReadOnly(r))];
    }

    /// <summary>The table's name: <c>grid</c>, <c>tariffs</c>, <c>packages</c> or <c>plans</c>.</summary>
    public string Name { get; }

    /// <summary>The model the table describes (its <see cref="ModelDescription"/> as text).</summary>
    public string Model { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>The rows; cell j belongs to <c>Columns[j]</c> (flags are 1 or 0).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Rows { get; }

    /// <summary>Numbers about the whole table (the plan menu's profits); CSV repeats them as columns on every row.</summary>
    public IReadOnlyList<(string Name, double Value)> Summary { get; }

    /// <summary>The cells of one column, top to bottom.</summary>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public double[] Column(string name)
    {
        int j = IndexOf(name);
        return [.. rows.Select(r => r[j])];
    }

    /// <summary>The index of the column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int j = 0; j < Columns.Count; j++)
            if (Columns[j].Name == name) return j;
        throw new ArgumentException($"Table '{Name}' has no column '{name}'; its columns are {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
    }

    /// <summary>
    /// Writes the table as CSV: a header line, then one line per row (comma separated, '\n' line ends, invariant
    /// culture, round-trip numbers, empty field for a non-finite number, 1/0 for flags). Summary numbers follow the
    /// columns on every row.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var header = Columns.Select(c => c.Name).Concat(Summary.Select(s => s.Name)).Select(Quoted);
        writer.Write(string.Join(",", header));
        writer.Write('\n');
        string summary = string.Concat(Summary.Select(s => "," + Number(s.Value)));
        foreach (var row in rows)
        {
            for (int j = 0; j < row.Length; j++)
            {
                if (j > 0) writer.Write(',');
                writer.Write(Columns[j].IsFlag ? (row[j] != 0 ? "1" : "0") : Number(row[j]));
            }
            writer.Write(summary);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes the table as indented JSON: <c>{"table", "model", "columns": [{name, unit, description}], "summary": {…},
    /// "rows": [{column: value, …}]}</c>. Non-finite numbers are <c>null</c>, flags are booleans.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteJson(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("table", Name);
            json.WriteString("model", Model);
            json.WriteStartArray("columns");
            foreach (var c in Columns)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteString("unit", c.Unit);
                json.WriteString("description", c.Description);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            foreach (var (name, value) in Summary) WriteNumber(json, name, value);
            json.WriteEndObject();
            json.WriteStartArray("rows");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (int j = 0; j < row.Length; j++)
                {
                    if (Columns[j].IsFlag) json.WriteBoolean(Columns[j].Name, row[j] != 0);
                    else WriteNumber(json, Columns[j].Name, row[j]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        writer.Write('\n');
    }

    /// <summary>The table as CSV text (see <see cref="WriteCsv"/>).</summary>
    public string ToCsv()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(text);
        return text.ToString();
    }

    /// <summary>The table as JSON text (see <see cref="WriteJson"/>).</summary>
    public string ToJson()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteJson(text);
        return text.ToString();
    }

    /// <summary>Writes the table to <paramref name="path"/> as CSV (<c>.csv</c>) or JSON (<c>.json</c>), UTF-8 without BOM.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or ends in neither .csv nor .json.</exception>
    public void Save(string path)
    {
        bool csv = IsFormat(path, ".csv"), json = IsFormat(path, ".json");
        if (!csv && !json)
            throw new ArgumentException($"'path' must end in .csv or .json but is '{path}'.", nameof(path));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        if (csv) WriteCsv(writer); else WriteJson(writer);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {rows.Length} rows × {Columns.Count} columns";

    internal static bool IsFormat(string path, string extension)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0) throw new ArgumentException("'path' is empty.", nameof(path));
        return string.Equals(Path.GetExtension(path), extension, StringComparison.OrdinalIgnoreCase);
    }

    // RFC 4180: a field holding a comma, quote or line break is quoted, inner quotes doubled.
    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    private static string Number(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void WriteNumber(Utf8JsonWriter json, string name, double x)
    {
        if (double.IsFinite(x)) json.WriteNumber(name, x);
        else json.WriteNull(name);
    }
}
