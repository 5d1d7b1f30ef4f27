-- Counts a challenge request, so a requester that asks often gets harder puzzles. Both keys are in the player's shard.
-- KEYS[1] the player's challenges this minute   cg:{c<campaign>.s<shard>}:ch:<player>
-- KEYS[2] the network's challenges this minute  cg:{...}:ch:<network> (this shard's share of them)
-- Returns {player count, network count} including this request.
local counts = {}
for i = 1, 2 do
    counts[i] = redis.call('INCR', KEYS[i])
    if counts[i] == 1 then
        redis.call('PEXPIRE', KEYS[i], 60000)
    end
end
return counts
