using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace MenuDsl.Reports.Tests;

/// <summary>A minimal reader for the CSV the reports write (no quoting needed: every field is a number or a name).</summary>
internal sealed class Csv
{
    public string[] Header { get; }
    public string[][] Rows { get; }

    public Csv(string text)
    {
        Assert.DoesNotContain("\r", text);
        var lines = text.Split('\n');
        Assert.Equal("", lines[^1]);
        Header = lines[0].Split(',');
        Rows = [.. lines.Skip(1).Take(lines.Length - 2).Select(l => l.Split(','))];
        foreach (var row in Rows) Assert.Equal(Header.Length, row.Length);
    }

    public int Index(string column)
    {
        int j = Array.IndexOf(Header, column);
        Assert.True(j >= 0, $"no column '{column}' in {string.Join(",", Header)}");
        return j;
    }

    /// <summary>The number in a cell; +∞ for an empty field (the writers' form of a non-finite number).</summary>
    public double Number(int row, string column)
    {
        string field = Rows[row][Index(column)];
        return field.Length == 0 ? double.PositiveInfinity : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Every non-empty field parses as an invariant-culture finite number.</summary>
    public void AssertAllNumbers()
    {
        foreach (var row in Rows)
            foreach (var field in row)
                if (field.Length > 0)
                    Assert.True(double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x), $"'{field}' is not a finite number");
    }
}
