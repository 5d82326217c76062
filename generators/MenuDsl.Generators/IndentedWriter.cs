using System.Text;

namespace MenuDsl.Generators;

/// <summary>Writes source text line by line with four-space indentation and '\n' line ends (deterministic).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0) text.Append(' ', 4 * depth).Append(line);
        text.Append('\n');
        return this;
    }

    public IndentedWriter Open(string header)
    {
        Line(header).Line("{");
        depth++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => text.ToString();
}
