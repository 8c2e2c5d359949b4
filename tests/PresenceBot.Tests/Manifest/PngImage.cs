using System.Buffers.Binary;
using System.IO.Compression;

namespace PresenceBot.Tests.Manifest;

/// <summary>Just enough PNG reading to check Teams' icon rules: the IHDR size and colour type, and 8-bit RGBA pixels.</summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte bitDepth, byte colourType, byte[] data)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Data = data;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>6 is RGBA (truecolour with alpha).</summary>
    public byte ColourType { get; }

    private byte[] Data { get; }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 8).SequenceEqual(Signature) || bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8) is false)
        {
            throw new InvalidDataException($"{path} is not a PNG.");
        }

        using var idat = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset, 4));
            if (bytes.AsSpan(offset + 4, 4).SequenceEqual("IDAT"u8))
            {
                idat.Write(bytes, offset + 8, length);
            }

            offset += 12 + length;
        }

        return new PngImage(
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)),
            bytes[24],
            bytes[25],
            idat.ToArray());
    }

    /// <summary>The pixels as RGBA quadruples, row by row (8-bit RGBA, non-interlaced only).</summary>
    public IEnumerable<(byte R, byte G, byte B, byte A)> RgbaPixels()
    {
        if (BitDepth != 8 || ColourType != 6)
        {
            throw new InvalidDataException("Only 8-bit RGBA is read.");
        }

        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(Data), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = Width * 4;
        var previous = new byte[stride];
        var pixels = new List<(byte, byte, byte, byte)>(Width * Height);
        for (var y = 0; y < Height; y++)
        {
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            Unfilter(raw[y * (stride + 1)], row, previous);
            for (var x = 0; x < stride; x += 4)
            {
                pixels.Add((row[x], row[x + 1], row[x + 2], row[x + 3]));
            }

            previous = row;
        }

        return pixels;
    }

    private static void Unfilter(byte filter, byte[] row, byte[] previous)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= 4 ? row[i - 4] : 0, up = previous[i], upLeft = i >= 4 ? previous[i - 4] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
